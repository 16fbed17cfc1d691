package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rejection.Reason.*;
import static nl.spiegel.meeting.Rules.*;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

/** Decides who may come in as a listener, and how long the meeting is kept. */
final class AccessDecider {

    private AccessDecider() {}

    static List<Event> decide(Meeting m, Actor actor, Command.Access command) {
        return switch (command) {
            case JoinAsListener c -> {
                String name = optional("displayName", c.displayName(), 40);
                Meeting.Listener known = m.listeners().get(actor.listenerId());
                if (known == null) {
                    require(m.joiningOpen(), JOINING_CLOSED);
                    require(m.listeners().size() < Meeting.MAX_LISTENERS
                            && (m.listenerLimit() == null || m.listeners().size() < m.listenerLimit()), LISTENERS_FULL);
                }
                boolean same = known != null && Objects.equals(known.displayName(), name);
                yield same ? List.of() : List.of(new ListenerJoined(actor.listenerId(), name));
            }
            case RemoveListener c -> {
                String listenerId = lookup(Optional.ofNullable(m.listeners().get(c.listenerId())), UNKNOWN_LISTENER,
                        "listenerId").id();
                yield List.of(new ListenerRemoved(listenerId, Boolean.TRUE.equals(c.keepQuestions())));
            }
            case SetJoining c -> {
                boolean open = flag("open", c.open());
                Integer limit = c.listenerLimit() == null ? null : number("listenerLimit", c.listenerLimit(), 1, 10_000);
                boolean same = open == m.joiningOpen() && Objects.equals(limit, m.listenerLimit());
                yield same ? List.of() : List.of(new JoiningSet(open, limit));
            }
            case SetRetention c -> {
                Integer days = c.days() == null ? null : number("days", c.days(), 1, 3650);
                boolean keep = c.keepAnonymised() == null ? m.keepAnonymised() : c.keepAnonymised();
                yield Objects.equals(days, m.retentionDays()) && keep == m.keepAnonymised() ? List.of()
                        : List.of(new RetentionSet(days, keep));
            }
        };
    }
}
