package nl.spiegel.live;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.access.AccessService;

/**
 * Who may open a live connection, decided at the upgrade: a key for this meeting, from a page
 * of this server (or an allowed origin). The key travels as {@code Authorization: Bearer <key>}
 * or, from a browser, as the subprotocol {@code spiegel.key.<key>} next to {@code spiegel.v1}.
 */
@ApplicationScoped
public class LiveUpgradeCheck implements HttpUpgradeCheck {

    static final String KEY_PROTOCOL = "spiegel.key.";

    @Inject
    AccessService access;

    /** Origins besides this server's own, such as the frontend's dev server. */
    @ConfigProperty(name = "spiegel.allowed-origins")
    Optional<List<String>> allowedOrigins;

    @Override
    public boolean appliesTo(String endpointId) {
        return LiveEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        if (!originAllowed(request)) {
            return CheckResult.rejectUpgrade(403);
        }
        UUID meetingId;
        try {
            meetingId = UUID.fromString(context.pathParam("meetingId"));
        } catch (IllegalArgumentException e) {
            return CheckResult.rejectUpgrade(404);
        }
        String key = key(request);
        if (key == null) {
            return CheckResult.rejectUpgrade(401);
        }
        return access.authenticate(key).map(found -> {
            if (found == null) {
                return CheckResult.rejectUpgradeSync(401);
            }
            if (!found.meetingId().equals(meetingId)) {
                return CheckResult.rejectUpgradeSync(403);
            }
            context.userData().put(LiveEndpoint.ACCESS, found);
            return CheckResult.permitUpgradeSync();
        });
    }

    private static String key(HttpServerRequest request) {
        String bearer = AccessService.bearer(request.getHeader("Authorization"));
        if (bearer != null) {
            return bearer;
        }
        String protocols = request.getHeader("Sec-WebSocket-Protocol");
        if (protocols != null) {
            for (String protocol : protocols.split(",")) {
                String p = protocol.strip();
                if (p.startsWith(KEY_PROTOCOL)) {
                    return p.substring(KEY_PROTOCOL.length());
                }
            }
        }
        return null;
    }

    /** No Origin (not a browser), this server itself, or a configured origin. */
    private boolean originAllowed(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        if (allowedOrigins.map(list -> list.contains(origin)).orElse(false)) {
            return true;
        }
        try {
            String host = request.getHeader("Host");
            return host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
