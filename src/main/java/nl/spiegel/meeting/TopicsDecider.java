package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rejection.Reason.*;
import static nl.spiegel.meeting.Rules.*;

import java.util.List;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

/** Decides the topics listeners hand in before the meeting. */
final class TopicsDecider {

    private TopicsDecider() {}

    /** Listeners hand in topics before the meeting opens, while the moderator allows it. */
    static boolean open(Meeting m) {
        return m.topicsOpen() && m.phase().compareTo(Phase.LOBBY) <= 0;
    }

    static List<Event> decide(Meeting m, Actor actor, Command.Topics command) {
        return switch (command) {
            case SetTopicsOpen c -> {
                boolean open = flag("open", c.open());
                yield open == m.topicsOpen() ? List.of() : List.of(new TopicsOpenSet(open));
            }
            case SubmitTopic c -> {
                requireJoined(m, actor);
                require(open(m), TOPICS_CLOSED);
                require(m.topics().stream().filter(t -> t.listenerId().equals(actor.listenerId())).count()
                        < Meeting.MAX_TOPICS_PER_LISTENER, TOO_MANY_TOPICS);
                require(m.topics().size() < Meeting.MAX_TOPICS, TOPICS_FULL);
                yield List.of(new TopicSubmitted("K" + nextId(m), actor.listenerId(), text("text", c.text(), 1, 500)));
            }
            case SetTopicStatus c -> {
                String topicId = lookup(m.topic(c.topicId()), UNKNOWN_TOPIC, "topicId").id();
                yield List.of(new TopicStatusSet(topicId, present("status", c.status())));
            }
        };
    }
}
