package nl.spiegel.access;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.WebServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.SpiegelConfig;
import nl.spiegel.store.Access;
import nl.spiegel.store.Caller;

import nl.spiegel.live.Rooms;
import nl.spiegel.live.LiveEndpoint;

/**
 * Who may open a live connection, decided at the upgrade: the identity of a key for this meeting
 * (made by {@link KeyAuthentication}, as for every request), from a page of this
 * server (or an allowed origin).
 */
@ApplicationScoped
public class LiveUpgradeCheck implements HttpUpgradeCheck {

    private static final String SUBPROTOCOLS = "sec-websocket-protocol";
    private static final Set<String> HANDSHAKE_HEADERS = Set.of("host", "upgrade", "connection", "sec-websocket-key",
            "sec-websocket-version", "sec-websocket-protocol", "sec-websocket-extensions");
    /** Those headers' names and usual values: one string each for all connections instead of one per connection. */
    private static final Map<String, String> SHARED = Stream.concat(HANDSHAKE_HEADERS.stream(),
                    Stream.of("websocket", "Upgrade", "13", KeyAuthentication.PROTOCOL))
            .distinct().collect(Collectors.toUnmodifiableMap(Function.identity(), Function.identity()));

    @Inject
    SpiegelConfig config;

    @Inject
    Rooms rooms;

    @Override
    public boolean appliesTo(String endpointId) {
        return LiveEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        if (rooms.draining()) {
            return CheckResult.rejectUpgrade(503);
        }
        if (!originAllowed(request)) {
            return CheckResult.rejectUpgrade(403);
        }
        UUID meetingId;
        try {
            meetingId = UUID.fromString(context.pathParam("meetingId"));
        } catch (IllegalArgumentException e) {
            return CheckResult.rejectUpgrade(404);
        }
        return context.securityIdentity().map(identity -> {
            Access found = Caller.access(identity);
            if (found == null) {
                return CheckResult.rejectUpgradeSync(401);
            }
            if (!found.meetingId().equals(meetingId)) {
                return CheckResult.rejectUpgradeSync(403);
            }
            context.userData().put(LiveEndpoint.ACCESS, found);
            context.userData().put(LiveEndpoint.TRANSPORT, request.connection());
            context.userData().put(LiveEndpoint.UPGRADE_HEADERS, request.headers());
            forgetIdentity(request);
            keepOnlyWhatTheHandshakeReads(request.headers());
            return CheckResult.permitUpgradeSync();
        });
    }

    /**
     * The connection keeps the {@link Access} found here and is closed when that key is revoked, so
     * it needs no security identity of its own. WebSockets Next keeps the upgrade's routing context
     * (with the request, the response and their headers) for the connection's life when the context
     * has an identity; without one it lets the context go: several KB for each open connection.
     */
    private static void forgetIdentity(HttpServerRequest request) {
        if (request instanceof WebServerRequest web) {
            RoutingContext upgrade = web.routingContext();
            upgrade.remove(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
            upgrade.clearUser();
        }
    }

    /**
     * WebSockets Next keeps a copy of the upgrade's headers for the connection's life: of a browser's
     * a kilobyte or more, and the key (in {@code Authorization} or a subprotocol). The handshake after
     * this check reads only these; their names and usual values are strings shared by all connections.
     */
    private static void keepOnlyWhatTheHandshakeReads(MultiMap headers) {
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            String value = SUBPROTOCOLS.equals(name) ? KeyAuthentication.protocolsWithoutKey(header.getValue()) : header.getValue();
            if (HANDSHAKE_HEADERS.contains(name) && value != null) {
                kept.add(Map.entry(SHARED.get(name), SHARED.getOrDefault(value, value)));
            }
        }
        headers.clear();
        kept.forEach(header -> headers.add(header.getKey(), header.getValue()));
    }

    /**
     * No Origin (not a browser), this server itself (same scheme, host and port), or a configured
     * origin. Behind a TLS proxy the request's scheme is the proxy's only when Quarkus reads the
     * forwarding headers ({@code quarkus.http.proxy.proxy-address-forwarding}).
     */
    private boolean originAllowed(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        if (config.allowedOrigins().map(list -> list.contains(origin)).orElse(false)) {
            return true;
        }
        try {
            URI from = URI.create(origin);
            String host = request.getHeader("Host");
            return host != null && host.equalsIgnoreCase(from.getRawAuthority())
                    && request.scheme() != null && request.scheme().equalsIgnoreCase(from.getScheme());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
