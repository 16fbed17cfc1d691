package nl.spiegel.web;

import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * One log line per request: method, path, status, time. Never a key (they travel in headers and in
 * links' fragments, which browsers do not send), never a join code or a follow-up page's token
 * (masked in their paths), never a body. Health and metrics probes are left out: they come every few seconds.
 */
@ApplicationScoped
public class RequestLog {

    private static final Logger LOG = Logger.getLogger("nl.spiegel.requests");
    /** Paths that carry a code or token: a join code, a follow-up page's token, an evaluation card's. */
    private static final Pattern CODE = Pattern.compile("^(/api)?/(join|followup|evaluate)/[^/]+");

    void register(@Observes Filters filters) {
        filters.register(RequestLog::onEveryRequest, 200);
    }

    private static void onEveryRequest(RoutingContext context) {
        String path = context.normalizedPath();
        if (!path.startsWith("/q/") && LOG.isInfoEnabled()) {
            long started = System.nanoTime();
            context.addEndHandler(ignored -> LOG.infof("%s %s %d %d ms", context.request().method(),
                    CODE.matcher(path).replaceFirst("$1/$2/…"), context.response().getStatusCode(),
                    (System.nanoTime() - started) / 1_000_000));
        }
        context.next();
    }
}
