package nl.spiegel.meeting;

import static nl.spiegel.meeting.Lists.*;
import static nl.spiegel.meeting.Rejection.Reason.*;
import static nl.spiegel.meeting.Rules.*;

import java.time.Instant;
import java.util.List;

import nl.spiegel.meeting.Command.SetTopicStatus;
import nl.spiegel.meeting.Command.SetTopicsOpen;
import nl.spiegel.meeting.Command.SubmitTopic;
import nl.spiegel.meeting.Event.TopicStatusSet;
import nl.spiegel.meeting.Event.TopicSubmitted;
import nl.spiegel.meeting.Event.TopicsOpenSet;
import nl.spiegel.meeting.Meeting.Topic;

/** The topics section: what listeners hand in before the meeting, and whether handing in is open. */
public record Topics(boolean open, List<Topic> topics) {

    static final Topics CLOSED = new Topics(false, List.of());

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
                TopicStatus status = present("status", c.status());
                // Only an adopted topic is taken up in a theme.
                String themeId = c.themeId() == null || status != TopicStatus.ADOPTED ? null : theme(m, c.themeId()).id();
                yield List.of(new TopicStatusSet(topicId, status, themeId));
            }
        };
    }

    static Meeting evolve(Meeting m, Event.Topics event, Instant at) {
        Topics t = m.topicList();
        return switch (event) {
            case TopicsOpenSet e -> m.with(new Topics(e.open(), t.topics()));
            case TopicSubmitted e -> m.with(new Topics(t.open(),
                    added(t.topics(), new Topic(e.topicId(), e.listenerId(), e.text(), TopicStatus.NEW, at, null))));
            case TopicStatusSet e -> m.with(new Topics(t.open(), replaced(t.topics(), o -> o.id().equals(e.topicId()),
                    o -> new Topic(o.id(), o.listenerId(), o.text(), e.status(), o.at(), e.themeId()))));
        };
    }

    /** Without the topics of {@code listenerId} still new. */
    Topics withoutNewOf(String listenerId) {
        return new Topics(open, removed(topics, o -> o.listenerId().equals(listenerId) && o.status() == TopicStatus.NEW));
    }
}
