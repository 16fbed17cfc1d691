package nl.spiegel.support;

import java.lang.ref.WeakReference;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.WebServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers, weakly, the routing context of the last WebSocket upgrade, so a test can see whether
 * an open connection still holds on to it. Permits every upgrade: deciding is not its part.
 */
@ApplicationScoped
public class UpgradeRequests implements HttpUpgradeCheck {

    private static volatile WeakReference<RoutingContext> last = new WeakReference<>(null);

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (context.httpRequest() instanceof WebServerRequest web) {
            last = new WeakReference<>(web.routingContext());
        }
        return CheckResult.permitUpgrade();
    }

    public static WeakReference<RoutingContext> last() {
        return last;
    }
}
