package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rejection.Reason.*;
import static nl.spiegel.meeting.Rules.*;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import nl.spiegel.meeting.Command.JoinAsListener;
import nl.spiegel.meeting.Command.RemoveListener;
import nl.spiegel.meeting.Command.SetJoining;
import nl.spiegel.meeting.Command.SetRetention;
import nl.spiegel.meeting.Event.JoiningSet;
import nl.spiegel.meeting.Event.ListenerJoined;
import nl.spiegel.meeting.Event.ListenerRemoved;
import nl.spiegel.meeting.Event.RetentionSet;
import nl.spiegel.meeting.Meeting.Listener;

/**
 * The access section: the listeners who joined, whether more may join, and how long the meeting is
 * kept after its end.
 *
 * @param listenerLimit how many listeners may join at most; {@code null} for no limit
 * @param retentionDays days the meeting is kept after its end; {@code null} for the server's default
 */
public record Access(Map<String, Listener> listeners, boolean joiningOpen, Integer listenerLimit, Integer retentionDays,
                     boolean keepAnonymised) {

    static final Access OPEN = new Access(Map.of(), true, null, null, true);

    static List<Event> decide(Meeting m, Actor actor, Command.Access command) {
        return switch (command) {
            case JoinAsListener c -> {
                String name = optional("displayName", c.displayName(), 40);
                Listener known = m.listeners().get(actor.listenerId());
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

    /** A removed listener's questions and topics that were never screened go with them, unless kept. */
    static Meeting evolve(Meeting m, Event.Access event, Instant at) {
        Access a = m.access();
        return switch (event) {
            case ListenerJoined e -> {
                Map<String, Listener> listeners = new LinkedHashMap<>(a.listeners());
                Listener known = listeners.get(e.listenerId());
                listeners.put(e.listenerId(), new Listener(e.listenerId(), e.displayName(),
                        known == null ? at : known.joinedAt()));
                yield m.with(new Access(listeners, a.joiningOpen(), a.listenerLimit(), a.retentionDays(), a.keepAnonymised()));
            }
            case ListenerRemoved e -> {
                Map<String, Listener> listeners = new LinkedHashMap<>(a.listeners());
                listeners.remove(e.listenerId());
                Meeting removed = m.with(new Access(listeners, a.joiningOpen(), a.listenerLimit(), a.retentionDays(),
                        a.keepAnonymised()));
                yield e.questionsKept() ? removed : removed.with(m.clarifying().withoutWaitingOf(e.listenerId()))
                        .with(m.topicList().withoutNewOf(e.listenerId()));
            }
            case JoiningSet e -> m.with(new Access(a.listeners(), e.open(), e.listenerLimit(), a.retentionDays(), a.keepAnonymised()));
            case RetentionSet e -> m.with(new Access(a.listeners(), a.joiningOpen(), a.listenerLimit(), e.days(), e.keepAnonymised()));
        };
    }
}
