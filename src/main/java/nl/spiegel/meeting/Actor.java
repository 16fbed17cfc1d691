package nl.spiegel.meeting;

import java.util.Objects;

/**
 * The one who sends a command: a role and, for a listener, the listener's id (a pseudonymous
 * id handed out when joining, never a name).
 */
public record Actor(Role role, String listenerId) {

    public Actor {
        Objects.requireNonNull(role, "role");
        if (role == Role.LISTENER && (listenerId == null || listenerId.isBlank())) {
            throw new IllegalArgumentException("a listener needs a listener id");
        }
        if (role != Role.LISTENER) {
            listenerId = null;
        }
    }

    public static final Actor MODERATOR = new Actor(Role.MODERATOR, null);
    public static final Actor ASSISTANT = new Actor(Role.ASSISTANT, null);
    public static final Actor DISPLAY = new Actor(Role.DISPLAY, null);

    public static Actor listener(String listenerId) {
        return new Actor(Role.LISTENER, listenerId);
    }
}
