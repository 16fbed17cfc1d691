package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rejection.Reason.ILLEGAL_TRANSITION;
import static nl.spiegel.meeting.Rules.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.spiegel.meeting.Command.ChangePhase;
import nl.spiegel.meeting.Event.PhaseChanged;
import nl.spiegel.meeting.Event.ThemeStarted;

/**
 * The phases section: where the meeting stands, from preparation to its end, and the steps between.
 *
 * @param openedAt when the meeting first entered {@link Phase#OPENING}
 */
public record Phases(Phase phase, Instant since, Instant openedAt, Instant endedAt) {

    static final Phases START = new Phases(Phase.PREPARATION, null, null, null);

    static List<Event> decide(Meeting m, Command.Phases command) {
        return switch (command) {
            case ChangePhase c -> {
                if (c.to() == null) {
                    throw refuse(Rejection.invalid("to", new Rejection.Detail.Needed()));
                }
                require(m.phase().canMoveTo(c.to()), ILLEGAL_TRANSITION);
                List<Event> events = new ArrayList<>();
                events.add(new PhaseChanged(m.phase(), c.to()));
                if (c.to() == Phase.CONVERSATION && !m.guide().isEmpty()) {
                    // Back in the conversation, the theme that ran last goes on.
                    String resume = m.themeClock().last();
                    events.add(new ThemeStarted(resume != null && m.theme(resume).isPresent() ? resume : m.guide().getFirst().id()));
                }
                yield events;
            }
        };
    }

    /**
     * A new phase reaches further: outside the conversation no theme runs; outside the live phases
     * nobody has the floor, and after the end nobody waits for it; from the clarifying phase on,
     * accepted questions are released to every listener.
     */
    static Meeting evolve(Meeting m, Event.Phases event, Instant at) {
        return switch (event) {
            case PhaseChanged e -> {
                Phase to = e.to();
                Phases p = m.phases();
                Meeting next = m.with(new Phases(to, at, to == Phase.OPENING && p.openedAt() == null ? at : p.openedAt(),
                        to == Phase.ENDED ? at : p.endedAt()));
                if (to != Phase.CONVERSATION) {
                    next = next.with(next.themeClock().stopped(at));
                }
                if (!to.live()) {
                    next = next.with(next.floor().closed(at));
                }
                if (to == Phase.ENDED) {
                    next = next.with(next.floor().withoutQueue());
                }
                if (to.questionsReleased()) {
                    next = next.with(next.clarifying().released());
                }
                yield next;
            }
        };
    }
}
