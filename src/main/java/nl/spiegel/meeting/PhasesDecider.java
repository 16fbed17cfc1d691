package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rejection.Reason.*;
import static nl.spiegel.meeting.Rules.*;

import java.util.ArrayList;
import java.util.List;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

/** Decides the steps from phase to phase. */
final class PhasesDecider {

    private PhasesDecider() {}

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
}
