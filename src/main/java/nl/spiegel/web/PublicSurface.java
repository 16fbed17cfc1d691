package nl.spiegel.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import nl.spiegel.SpiegelConfig;

/**
 * What the server answers outside its API: the app's page on the app's own paths (the routes in
 * frontend/src/App.svelte), the app's files, robots.txt (a static file) and security.txt; every other
 * path is 404 as problem JSON, not the app's page with 200. Metrics, health and the API description
 * are on the management port (docs/operations.md), so {@code /q/} is unknown here too.
 */
@ApplicationScoped
public class PublicSurface {

    /** The first segment of the app's paths; "" is the home page. PublicSurfaceTest holds it to App.svelte. */
    static final Set<String> APP_ROUTES = Set.of("", "moderate", "join", "listen", "display", "series", "followup", "evaluate");
    /** Served by the server itself, not by files. */
    private static final Set<String> SERVERS_OWN = Set.of("api", "live");
    private static final String SECURITY_TXT = "/.well-known/security.txt";

    /** security.txt must expire; a year from the start, so a server left running without restarts for a year says it is stale. */
    private final Instant expires = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    SpiegelConfig config;

    void register(@Observes Filters filters) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            // In dev mode, Vite's dev server serves the app from paths of its own.
            // After RequestLog (200) and ResponseHeaders (100): the 404 is logged and has the headers.
            filters.register(PublicSurface::knownPathsOnly, 60);
        }
    }

    void securityTxt(@Observes Router router) {
        router.get(SECURITY_TXT).handler(this::securityTxt);
    }

    private static void knownPathsOnly(RoutingContext context) {
        String path = context.normalizedPath();
        int end = path.indexOf('/', 1);
        String first = path.length() <= 1 ? "" : path.substring(1, end < 0 ? path.length() : end);
        if (SERVERS_OWN.contains(first) || APP_ROUTES.contains(first) || path.equals(SECURITY_TXT) || isFile(path)) {
            context.next();
            return;
        }
        RawProblems.answer(context, Problem.of(404, ProblemMappers.reason(404), "HTTP_404", null,
                RawProblems.words(context).nothingHere()));
    }

    /** One of the app's files (index.html, assets/…) or robots.txt, as Quarkus serves them from META-INF/resources. */
    private static boolean isFile(String path) {
        return !path.endsWith("/") && Thread.currentThread().getContextClassLoader().getResource("META-INF/resources" + path) != null;
    }

    /** RFC 9116: where to report a security problem, in the operator's words when configured. */
    private void securityTxt(RoutingContext context) {
        String contact = config.securityContact().orElseGet(() -> "mailto:security@" + hostOf(context));
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end("""
                Contact: %s
                Expires: %s
                Preferred-Languages: nl, en
                """.formatted(contact, expires));
    }

    private static String hostOf(RoutingContext context) {
        String host = context.request().authority() == null ? "localhost" : context.request().authority().host();
        return host.isBlank() ? "localhost" : host;
    }
}
