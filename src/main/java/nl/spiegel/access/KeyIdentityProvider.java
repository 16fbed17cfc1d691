package nl.spiegel.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.followup.SeriesService;
import nl.spiegel.meeting.Role;

/**
 * What a key opens: a meeting in one role (see {@link Access}), or, for an organiser's key, a
 * series. The identity's one role is the {@link Role}'s name; the principal is the key's hash,
 * never the key.
 */
@ApplicationScoped
public class KeyIdentityProvider implements IdentityProvider<KeyIdentityProvider.KeyRequest> {

    /** A key as it came with a request. */
    public static final class KeyRequest extends BaseAuthenticationRequest {
        final String key;

        KeyRequest(String key) {
            this.key = key;
        }
    }

    @Inject
    AccessService access;

    @Inject
    SeriesService series;

    @Override
    public Class<KeyRequest> getRequestType() {
        return KeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(KeyRequest request, AuthenticationRequestContext context) {
        return access.authenticate(request.key).chain(found -> found != null
                ? Uni.createFrom().item(identity(found.keyHash(), found.role(), Caller.ACCESS, found))
                : series.authenticate(request.key).map(seriesId -> {
                    if (seriesId == null) {
                        throw new AuthenticationFailedException();
                    }
                    return identity(Secrets.hash(request.key), Role.ORGANISER, Caller.SERIES, seriesId);
                }));
    }

    private static SecurityIdentity identity(String keyHash, Role role, String attribute, Object value) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(keyHash)).addRole(role.name())
                .addAttribute(attribute, value).build();
    }
}
