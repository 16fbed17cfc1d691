package nl.spiegel.store;

import java.util.UUID;

import nl.spiegel.meeting.Actor;
import nl.spiegel.meeting.Role;

/**
 * What a valid key opens: one meeting, in one role (and, for a listener, as one listener). The
 * names below say who may use a resource ({@code @PermissionsAllowed}); the edge checks them
 * ({@code nl.spiegel.access.Permissions}) against the meeting or series id in the path.
 */
public record Access(UUID meetingId, Role role, String listenerId, String keyHash) {

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

    public Actor actor() {
        return new Actor(role, listenerId);
    }
}
