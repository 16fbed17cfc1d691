package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rejection.Reason.*;
import static nl.spiegel.meeting.Rules.*;

import java.util.List;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;
import nl.spiegel.meeting.Meeting.Participant;
import nl.spiegel.meeting.Meeting.Speaker;

/** Decides who has the floor and who waits for it. A tap that changes nothing yields no events. */
final class FloorDecider {

    private FloorDecider() {}

    static List<Event> decide(Meeting m, Command.Floor command) {
        List<String> queue = m.floor().queue();
        Speaker speaker = m.floor().speaker();
        return switch (command) {
            case GiveFloor c -> {
                requireLive(m);
                Participant p = participant(m, c.participantId());
                yield speaker != null && p.id().equals(speaker.participantId()) ? List.of() : List.of(new FloorGiven(p.id()));
            }
            case ModeratorSpeaks c -> {
                requireLive(m);
                yield speaker != null && speaker.moderator() ? List.of() : List.of(new ModeratorSpeaking());
            }
            case PauseSpeaking c -> speaker == null ? List.of() : List.of(new SpeakingPaused());
            case QueueSpeaker c -> {
                requireLive(m);
                Participant p = participant(m, c.participantId());
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
}
