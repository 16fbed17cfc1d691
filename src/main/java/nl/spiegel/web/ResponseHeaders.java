package nl.spiegel.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every answer gets. Keys live in the browser's storage, so a script injected from
 * anywhere would be total: the pages allow scripts and styles from this server only and no framing, no other
 * site may keep a window on them or embed their answers, and they ask for no device but the screen's
 * wake lock (the moderator's console). Answers of the API may hold keys and are never
 * stored; the app's page is checked again on every visit (so an upgrade reaches browsers at once),
 * while its assets, named by their content's hash, are kept for a year without asking.
 */
@ApplicationScoped
public class ResponseHeaders {

    /**
     * The server's printable pages (report, letter, briefing, evaluation cards) carry their styles in the page, so that
     * they print and save as one file; opened from the app they live under the app's policy. Those
     * styles are allowed by their hashes, and no other inline style: the app's own come from files,
     * and Svelte sets element styles through the CSSOM, which the policy does not govern.
     */
    private static final List<String> PAGES_WITH_STYLES = List.of("templates/ReportResource/report.html",
            "templates/ReportResource/letter.html", "templates/BriefingResource/briefing.html",
            "templates/EvaluationCardsResource/cards.html");
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'" + pageStyles() + ";"
            + " img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";
    private static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(),"
            + " display-capture=(), screen-wake-lock=(self)";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static String pageStyles() {
        StringBuilder hashes = new StringBuilder();
        for (String page : PAGES_WITH_STYLES) {
            try (InputStream in = ResponseHeaders.class.getClassLoader().getResourceAsStream(page)) {
                if (in == null) {
                    throw new IllegalStateException("No template " + page);
                }
                Matcher style = STYLE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (style.find()) {
                    hashes.append(" 'sha256-").append(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(style.group(1).getBytes(StandardCharsets.UTF_8)))).append('\'');
                }
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("Cannot read the styles of " + page, e);
            }
        }
        return hashes.toString();
    }

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
            headers.set("Permissions-Policy", PERMISSIONS_POLICY);
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            headers.set("Cross-Origin-Resource-Policy", "same-origin");
            int status = context.response().getStatusCode();
            if (path.startsWith("/api/")) {
                headers.set("Cache-Control", "no-store");
            } else if (path.startsWith("/assets/") && (status == 200 || status == 304)) {
                headers.set("Cache-Control", IMMUTABLE);
            } else {
                headers.set("Cache-Control", "no-cache");
            }
        });
        context.next();
    }
}
