package nl.spiegel.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.followup.FollowUpLinks;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.Access;
import nl.spiegel.store.Caller;
import nl.spiegel.store.Secrets;

/**
 * What a key opens: a meeting in one role ({@code Access}), for an organiser's key a series, for a
 * follow-up page's token the public part of its meeting (to follow it live); made into an identity
 * by {@link Caller}.
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
    FollowUpLinks followUpLinks;

    @Override
    public Class<KeyRequest> getRequestType() {
        return KeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(KeyRequest request, AuthenticationRequestContext context) {
        return access.authenticate(request.key).chain(found -> found != null
                ? Uni.createFrom().item(Caller.identity(found))
                : access.organiserOf(request.key).chain(seriesId -> seriesId != null
                        ? Uni.createFrom().item(Caller.organiser(Secrets.hash(request.key), seriesId))
                        : followUpLinks.find(request.key).map(link -> {
                            if (link == null || link.revoked()) {
                                throw new AuthenticationFailedException();
                            }
                            return Caller.identity(new Access(link.meetingId(), Role.PUBLIC, null, Secrets.hash(request.key)));
                        })));
    }
}
