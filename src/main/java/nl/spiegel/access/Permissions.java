package nl.spiegel.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import io.quarkus.security.PermissionChecker;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.followup.SeriesService;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.Access;
import nl.spiegel.store.Caller;

/**
 * Who may use which resource, by the names in {@link Access} used with {@code @PermissionsAllowed} on
 * the resources. Each check
 * takes the meeting (or series) id from the path: a key opens only its own meeting or series.
 * Without a valid key the answer is 401; a valid key that opens something else (another meeting,
 * a series instead of a meeting) or a role that may not do this gets 403.
 */
@ApplicationScoped
public class Permissions {

    private static final Set<Role> MODERATING = EnumSet.of(Role.MODERATOR, Role.ASSISTANT);

    @Inject
    SeriesService series;

    @PermissionChecker(Access.MODERATORS)
    boolean moderators(SecurityIdentity identity, UUID id) {
        return meeting(identity, id, MODERATING);
    }

    @PermissionChecker(Access.MODERATOR)
    boolean moderator(SecurityIdentity identity, UUID id) {
        return meeting(identity, id, EnumSet.of(Role.MODERATOR));
    }

    @PermissionChecker(Access.SCREENS)
    boolean screens(SecurityIdentity identity, UUID id) {
        return meeting(identity, id, EnumSet.of(Role.MODERATOR, Role.ASSISTANT, Role.DISPLAY));
    }

    @PermissionChecker(Access.ANY_KEY)
    boolean anyKey(SecurityIdentity identity, UUID id) {
        return meeting(identity, id, EnumSet.of(Role.MODERATOR, Role.ASSISTANT, Role.DISPLAY, Role.LISTENER));
    }

    @PermissionChecker(Access.FOLLOW_UP)
    Uni<Boolean> followUp(SecurityIdentity identity, UUID id) {
        UUID seriesId = Caller.series(identity);
        if (seriesId == null) {
            return Uni.createFrom().item(meeting(identity, id, MODERATING));
        }
        return series.holds(seriesId, id);
    }

    @PermissionChecker(Access.ORGANISER)
    boolean organiser(SecurityIdentity identity, UUID id) {
        return id.equals(Caller.series(identity));
    }

    private static boolean meeting(SecurityIdentity identity, UUID id, Set<Role> roles) {
        Access access = Caller.access(identity);
        return access != null && access.meetingId().equals(id) && roles.contains(access.role());
    }
}
