package nl.spiegel.access;

import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;
import nl.spiegel.meeting.Actor;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.Sender;

/** What the identity of a request (made by {@link KeyIdentityProvider}) holds. */
public final class Caller {

    private Caller() {}

    static final String ACCESS = "spiegel.access";
    static final String SERIES = "spiegel.series";

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
