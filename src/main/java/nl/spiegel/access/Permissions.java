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

/**
 * Who may use which resource, named for {@code @PermissionsAllowed} on the resources. Each check
 * takes the meeting (or series) id from the path: a key opens only its own meeting or series.
 * Without a valid key the answer is 401; a valid key that opens something else (another meeting,
 * a series instead of a meeting) or a role that may not do this gets 403.
 */
@ApplicationScoped
public class Permissions {

    /** The moderator and the assistant of the meeting. */
    public static final String MODERATORS = "meeting:moderators";
    /** The moderator of the meeting only. */
    public static final String MODERATOR = "meeting:moderator";
    /** The moderator, the assistant and the room display of the meeting. */
    public static final String SCREENS = "meeting:screens";
    /** Every key of the meeting: moderator, assistant, display and its listeners. */
    public static final String ANY_KEY = "meeting:any-key";
    /** The moderator and assistant, or the organiser of a series that holds the meeting. */
    public static final String FOLLOW_UP = "meeting:follow-up";
    /** The organiser of the series. */
    public static final String ORGANISER = "series:organiser";

    private static final Set<Role> MODERATING = EnumSet.of(Role.MODERATOR, Role.ASSISTANT);

    @Inject
    SeriesService series;

    @PermissionChecker(MODERATORS)
    boolean moderators(SecurityIdentity identity, UUID id) {
        return meeting(identity, id, MODERATING);
    }

    @PermissionChecker(MODERATOR)
    boolean moderator(SecurityIdentity identity, UUID id) {
        return meeting(identity, id, EnumSet.of(Role.MODERATOR));
    }

    @PermissionChecker(SCREENS)
    boolean screens(SecurityIdentity identity, UUID id) {
        return meeting(identity, id, EnumSet.of(Role.MODERATOR, Role.ASSISTANT, Role.DISPLAY));
    }

    @PermissionChecker(ANY_KEY)
    boolean anyKey(SecurityIdentity identity, UUID id) {
        return meeting(identity, id, EnumSet.of(Role.MODERATOR, Role.ASSISTANT, Role.DISPLAY, Role.LISTENER));
    }

    @PermissionChecker(FOLLOW_UP)
    Uni<Boolean> followUp(SecurityIdentity identity, UUID id) {
        UUID seriesId = Caller.series(identity);
        if (seriesId == null) {
            return Uni.createFrom().item(meeting(identity, id, MODERATING));
        }
        return series.holds(seriesId, id);
    }

    @PermissionChecker(ORGANISER)
    boolean organiser(SecurityIdentity identity, UUID id) {
        return id.equals(Caller.series(identity));
    }

    private static boolean meeting(SecurityIdentity identity, UUID id, Set<Role> roles) {
        Access access = Caller.access(identity);
        return access != null && access.meetingId().equals(id) && roles.contains(access.role());
    }
}
