package nl.spiegel.access;

import java.util.UUID;

import nl.spiegel.meeting.Actor;
import nl.spiegel.meeting.Role;

/** What a valid key opens: one meeting, in one role (and, for a listener, as one listener). */
public record Access(UUID meetingId, Role role, String listenerId, String keyHash) {

    public Actor actor() {
        return new Actor(role, listenerId);
    }
}
