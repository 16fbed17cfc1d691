package nl.spiegel.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every answer gets. Keys live in the browser's storage, so a script injected from
 * anywhere would be total: the pages allow scripts from this server only and no framing. Answers of
 * the API may hold keys and are never stored; the app's page is checked again on every visit (so an
 * upgrade reaches browsers at once), while its hashed assets may be kept for good.
 */
@ApplicationScoped
public class ResponseHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        filters.register(ResponseHeaders::onEveryAnswer, 100);
    }

    private static void onEveryAnswer(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith("/live/")) {
            // A WebSocket upgrade: its 101 answer is written by the WebSocket handshake, which runs no
            // headers-end handler, and the handler would hold the request for the connection's life.
            context.next();
            return;
        }
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Frame-Options", "DENY");
            if (path.startsWith("/api/") || path.startsWith("/q/")) {
                headers.set("Cache-Control", "no-store");
            } else if (!path.startsWith("/assets/")) {
                headers.set("Cache-Control", "no-cache");
            }
        });
        context.next();
    }
}
