package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rejection.Reason.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.spiegel.meeting.Command.*;

/**
 * The pure core of a meeting: {@link #decide} turns a command into events or a rejection,
 * {@link #evolve} folds an event into the state. No I/O, no clock: time is passed in. Each section
 * of {@link Command} is decided in its own class ({@code PreparationDecider}, {@code FloorDecider}, …).
 */
public final class MeetingCore {

    private MeetingCore() {}

    /** How long ago a command may say its sender acted: a Wi-Fi drop of minutes, not a day. */
    public static final Duration MAX_ACTED_AGE = Duration.ofMinutes(10);

    /** Decides what a command does to a meeting at {@code now}. Never throws on bad input. */
    public static Decision decide(Meeting meeting, Actor actor, Command command, Instant now) {
        return decide(meeting, actor, command, now, null);
    }

    /**
     * Decides a command whose sender says when they acted ({@code actedAt}, for example a tap made
     * while the tablet was offline, sent when it is back). What the command causes is timed then, so
     * speaking and theme times stay true, when that moment is believable: not after {@code now}, not
     * more than {@link #MAX_ACTED_AGE} ago. It is never timed before what it follows on the meeting's
     * timeline (the last change of phase, floor or theme), so no duration turns negative. Otherwise,
     * and without {@code actedAt}, it is timed at {@code now}.
     */
    public static Decision decide(Meeting meeting, Actor actor, Command command, Instant now, Instant actedAt) {
        Instant at = timing(meeting, now, actedAt);
        try {
            return new Decision.Accepted(events(meeting, actor, command, at), at);
        } catch (Rules.Refusal refusal) {
            return new Decision.Rejected(refusal.rejection);
        }
    }

    private static Instant timing(Meeting m, Instant now, Instant actedAt) {
        Instant serverTime = now.isBefore(m.lastAt()) ? m.lastAt() : now;
        if (actedAt == null || actedAt.isAfter(now) || actedAt.isBefore(now.minus(MAX_ACTED_AGE))) {
            return serverTime;
        }
        Instant follows = m.timelineLatest();
        return follows != null && actedAt.isBefore(follows) ? follows : actedAt;
    }

    public static Meeting evolve(Meeting meeting, Recorded recorded) {
        return Evolution.evolve(meeting, recorded);
    }

    public static Meeting fold(List<Recorded> stream) {
        Meeting meeting = Meeting.none();
        for (Recorded recorded : stream) {
            meeting = evolve(meeting, recorded);
        }
        return meeting;
    }

    /** Numbers accepted events after the meeting's last one. */
    public static List<Recorded> record(Meeting meeting, Decision.Accepted accepted) {
        List<Recorded> recorded = new ArrayList<>(accepted.events().size());
        long seq = meeting.seq();
        for (Event event : accepted.events()) {
            recorded.add(new Recorded(++seq, accepted.at(), event));
        }
        return recorded;
    }

    /**
     * Which role may send which type of command. Listeners only ask and hand in; the display only
     * shows; the organiser of a series only follows up actions.
     */
    public static boolean allowed(Role role, Class<? extends Command> type) {
        boolean byListener = ByListener.class.isAssignableFrom(type);
        return switch (role) {
            case MODERATOR, ASSISTANT -> !byListener;
            case LISTENER -> byListener;
            case DISPLAY -> false;
            case ORGANISER -> FollowUp.class.isAssignableFrom(type);
        };
    }

    private static List<Event> events(Meeting m, Actor actor, Command command, Instant at) {
        if (command == null) {
            throw Rules.refuse(Rejection.invalid("type", new Rejection.Detail.Needed()));
        }
        if (command instanceof CreateMeeting c) {
            return PreparationDecider.create(m, actor, c);
        }
        Rules.require(m.exists(), NOT_FOUND);
        Rules.require(allowed(actor.role(), command.getClass()), FORBIDDEN);
        Rules.require(m.phase() != Phase.ENDED || command instanceof AfterTheEnd, WRONG_PHASE);
        return switch (command) {
            case Preparation c -> PreparationDecider.decide(m, c);
            case Topics c -> TopicsDecider.decide(m, actor, c);
            case Access c -> AccessDecider.decide(m, actor, c);
            case Phases c -> PhasesDecider.decide(m, c);
            case Floor c -> FloorDecider.decide(m, c);
            case Themes c -> ThemesDecider.decide(m, c);
            case Notes c -> NotesDecider.decide(m, actor, c);
            case Questions c -> QuestionsDecider.decide(m, actor, c);
            case Reporting c -> ReportDecider.decide(m, c, at);
            case FollowUp c -> FollowUpDecider.decide(m, actor, c);
        };
    }
}
