package nl.spiegel.meeting;

import static nl.spiegel.meeting.Lists.*;
import static nl.spiegel.meeting.Rejection.Reason.QUEUE_EMPTY;
import static nl.spiegel.meeting.Rules.*;

import java.time.Instant;
import java.util.List;

import nl.spiegel.meeting.Command.GiveFloor;
import nl.spiegel.meeting.Command.ModeratorSpeaks;
import nl.spiegel.meeting.Command.MoveQueuedSpeaker;
import nl.spiegel.meeting.Command.NextSpeaker;
import nl.spiegel.meeting.Command.PauseSpeaking;
import nl.spiegel.meeting.Command.QueueSpeaker;
import nl.spiegel.meeting.Command.UnqueueSpeaker;
import nl.spiegel.meeting.Event.FloorGiven;
import nl.spiegel.meeting.Event.ModeratorSpeaking;
import nl.spiegel.meeting.Event.SpeakerMoved;
import nl.spiegel.meeting.Event.SpeakerQueued;
import nl.spiegel.meeting.Event.SpeakerUnqueued;
import nl.spiegel.meeting.Event.SpeakingPaused;
import nl.spiegel.meeting.Meeting.Participant;
import nl.spiegel.meeting.Meeting.Turn;

/**
 * The floor section: who speaks, who waits for the floor, and the turns so far. A tap that changes
 * nothing yields no events.
 *
 * @param turns finished stretches of speaking; a stretch that goes on with a turn into a new theme is {@code continued}
 */
public record Floor(Speaker speaker, List<String> queue, List<Turn> turns) {

    static final Floor EMPTY = new Floor(new Nobody(), List.of(), List.of());

    /** Who has the floor. */
    public sealed interface Speaker {}

    /** Nobody speaks. */
    public record Nobody() implements Speaker {}

    /** Someone speaks since {@code since}: a participant, or (with a {@code null} participant id) the moderator. */
    public record Speaking(String participantId, String themeId, Instant since, boolean continued) implements Speaker {
        public boolean moderator() {
            return participantId == null;
        }
    }

    static List<Event> decide(Meeting m, Command.Floor command) {
        List<String> queue = m.floor().queue();
        Speaker speaker = m.floor().speaker();
        return switch (command) {
            case GiveFloor c -> {
                requireLive(m);
                Participant p = seated(m, c.participantId());
                yield speaker instanceof Speaking s && p.id().equals(s.participantId()) ? List.of() : List.of(new FloorGiven(p.id()));
            }
            case ModeratorSpeaks c -> {
                requireLive(m);
                yield speaker instanceof Speaking s && s.moderator() ? List.of() : List.of(new ModeratorSpeaking());
            }
            case PauseSpeaking c -> speaker instanceof Nobody ? List.of() : List.of(new SpeakingPaused());
            case QueueSpeaker c -> {
                requireLive(m);
                Participant p = seated(m, c.participantId());
                yield queue.contains(p.id()) ? List.of() : List.of(new SpeakerQueued(p.id()));
            }
            case UnqueueSpeaker c -> {
                Participant p = participant(m, c.participantId());
                yield queue.contains(p.id()) ? List.of(new SpeakerUnqueued(p.id())) : List.of();
            }
            case MoveQueuedSpeaker c -> {
                Participant p = participant(m, c.participantId());
                if (!queue.contains(p.id())) {
                    throw refuse(Rejection.invalid("participantId", new Rejection.Detail.NotQueued()));
                }
                yield List.of(new SpeakerMoved(p.id(), position(c.position(), queue.size())));
            }
            case NextSpeaker c -> {
                requireLive(m);
                require(!queue.isEmpty(), QUEUE_EMPTY);
                yield List.of(new FloorGiven(queue.getFirst()));
            }
        };
    }

    static Meeting evolve(Meeting m, Event.Floor event, Instant at) {
        Floor f = m.floor();
        return switch (event) {
            case FloorGiven e -> {
                Floor closed = f.closed(at);
                yield m.with(new Floor(new Speaking(e.participantId(), m.currentThemeId(), at, false),
                        removed(closed.queue(), e.participantId()::equals), closed.turns()));
            }
            case ModeratorSpeaking e -> {
                Floor closed = f.closed(at);
                yield m.with(new Floor(new Speaking(null, m.currentThemeId(), at, false), closed.queue(), closed.turns()));
            }
            case SpeakingPaused e -> m.with(f.closed(at));
            case SpeakerQueued e -> m.with(new Floor(f.speaker(), added(f.queue(), e.participantId()), f.turns()));
            case SpeakerUnqueued e -> m.with(new Floor(f.speaker(), removed(f.queue(), e.participantId()::equals), f.turns()));
            case SpeakerMoved e -> m.with(new Floor(f.speaker(), moved(f.queue(), e.participantId()::equals, e.position()),
                    f.turns()));
        };
    }

    /** The running turn, if any, as a finished stretch at {@code at}. */
    Floor closed(Instant at) {
        if (!(speaker instanceof Speaking s)) {
            return this;
        }
        return new Floor(new Nobody(), queue, added(turns, new Turn(s.participantId(), s.themeId(), s.since(), at, s.continued())));
    }

    /** The running turn, if any, goes on as a new stretch in theme {@code themeId} from {@code at}: not a new turn. */
    Floor continuedIn(String themeId, Instant at) {
        if (!(speaker instanceof Speaking s)) {
            return this;
        }
        Floor closed = closed(at);
        return new Floor(new Speaking(s.participantId(), themeId, at, true), closed.queue(), closed.turns());
    }

    /** With nobody waiting: the queue ends with the meeting. */
    Floor withoutQueue() {
        return new Floor(speaker, List.of(), turns);
    }

    /** Without {@code participantId} in the queue: who leaves the circle leaves the queue too. */
    Floor withoutQueued(String participantId) {
        return new Floor(speaker, removed(queue, participantId::equals), turns);
    }

    /** The running turn as a stretch until {@code until}, if anyone speaks. */
    public List<Turn> turnsUntil(Instant until) {
        return speaker instanceof Speaking s
                ? added(turns, new Turn(s.participantId(), s.themeId(), s.since(), until, s.continued())) : turns;
    }
}
