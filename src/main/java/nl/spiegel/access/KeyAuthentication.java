package nl.spiegel.access;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns the key a request carries into a {@link SecurityIdentity} (see {@link KeyIdentityProvider}).
 * The key travels as {@code Authorization: Bearer <key>}, or, on a live upgrade from a browser
 * (which cannot set headers there), as the subprotocol {@code spiegel.key.<key>} next to
 * {@code spiegel.v1}. A request without a valid key stays anonymous: what it may do is decided by
 * the permissions on the resource ({@link Permissions}), which answer 401 to the anonymous.
 */
@ApplicationScoped
public class KeyAuthentication implements HttpAuthenticationMechanism {

    /** The live protocol's subprotocol ({@code quarkus.websockets-next.server.supported-subprotocols}). */
    public static final String PROTOCOL = "spiegel.v1";
    static final String KEY_PROTOCOL = "spiegel.key.";
    private static final int MAX_KEY_LENGTH = 200;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String key = key(context.request());
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(new KeyIdentityProvider.KeyRequest(key))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(KeyIdentityProvider.KeyRequest.class);
    }

    static String key(HttpServerRequest request) {
        String key = bearer(request.getHeader("Authorization"));
        if (key == null) {
            String protocols = request.getHeader("Sec-WebSocket-Protocol");
            if (protocols != null) {
                for (String protocol : protocols.split(",")) {
                    String p = protocol.strip();
                    if (p.startsWith(KEY_PROTOCOL)) {
                        key = p.substring(KEY_PROTOCOL.length());
                        break;
                    }
                }
            }
        }
        return key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH ? null : key;
    }

    /**
     * The subprotocols a live upgrade asked for without the one that carries the key, or {@code null}
     * when none is left: what the WebSocket handshake still needs once the key has been checked.
     */
    public static String protocolsWithoutKey(String protocols) {
        if (protocols == null) {
            return null;
        }
        String kept = Arrays.stream(protocols.split(",")).map(String::strip)
                .filter(p -> !p.isEmpty() && !p.startsWith(KEY_PROTOCOL)).collect(Collectors.joining(", "));
        return kept.isEmpty() ? null : kept;
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : null;
    }
}
