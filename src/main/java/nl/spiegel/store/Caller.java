package nl.spiegel.store;

import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import nl.spiegel.meeting.Actor;
import nl.spiegel.meeting.Role;

/**
 * Who a request comes from: the identity the edge made of its key, and what the features read of
 * it. The identity's one role is the {@link Role}'s name; its principal is the key's hash, never
 * the key.
 */
public final class Caller {

    private Caller() {}

    private static final String ACCESS = "spiegel.access";
    private static final String SERIES = "spiegel.series";

    /** The identity of a meeting key. */
    public static SecurityIdentity identity(Access access) {
        return identity(access.keyHash(), access.role(), ACCESS, access);
    }

    /** The identity of a series organiser's key. */
    public static SecurityIdentity organiser(String keyHash, UUID seriesId) {
        return identity(keyHash, Role.ORGANISER, SERIES, seriesId);
    }

    private static SecurityIdentity identity(String keyHash, Role role, String attribute, Object value) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(keyHash)).addRole(role.name())
                .addAttribute(attribute, value).build();
    }

    /** The meeting and role a meeting key opens; {@code null} for anyone else. */
    public static Access access(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(ACCESS);
    }

    /** The series an organiser's key opens; {@code null} for anyone else. */
    public static UUID series(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(SERIES);
    }

    /** Who sends a command: the actor, with the key's hash (the principal) for its own space of command ids. */
    public static Sender sender(SecurityIdentity identity) {
        return new Sender(actor(identity), identity.getPrincipal().getName());
    }

    /** Who acts on a meeting: the key's role there, or the organiser of a series. */
    public static Actor actor(SecurityIdentity identity) {
        Access access = access(identity);
        if (access != null) {
            return access.actor();
        }
        if (series(identity) != null) {
            return new Actor(Role.ORGANISER, null);
        }
        throw new IllegalStateException("An anonymous request reached a guarded resource");
    }
}
