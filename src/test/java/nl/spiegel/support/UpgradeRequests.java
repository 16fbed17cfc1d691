package nl.spiegel.support;

import java.lang.ref.WeakReference;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.WebServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers, weakly, the routing context of the last WebSocket upgrade, and its headers, so a test
 * can see what an open connection still holds on to. Permits every upgrade: deciding is not its part.
 */
@ApplicationScoped
public class UpgradeRequests implements HttpUpgradeCheck {

    private static volatile WeakReference<RoutingContext> last = new WeakReference<>(null);
    private static volatile MultiMap lastHeaders;
    private static volatile WeakReference<HttpConnection> lastConnection = new WeakReference<>(null);

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (context.httpRequest() instanceof WebServerRequest web) {
            last = new WeakReference<>(web.routingContext());
        }
        lastHeaders = context.httpRequest().headers();
        lastConnection = new WeakReference<>(context.httpRequest().connection());
        return CheckResult.permitUpgrade();
    }

    public static WeakReference<RoutingContext> last() {
        return last;
    }

    /** The HTTP connection of the last upgrade, which goes on as the WebSocket's. */
    public static HttpConnection lastConnection() {
        return lastConnection.get();
    }

    /** The headers of the last upgrade: the open WebSocket holds on to this map. */
    public static MultiMap lastHeaders() {
        return lastHeaders;
    }
}
