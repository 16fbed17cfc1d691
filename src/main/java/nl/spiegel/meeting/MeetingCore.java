package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rejection.Reason.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


/**
 * The pure core of a meeting: {@link #decide} turns a command into events or a rejection,
 * {@link #evolve} folds an event into the state. No I/O, no clock: time is passed in. Each section
 * of the meeting decides its own commands and folds its own events, side by side in one file
 * ({@link Preparation}, {@link Floor}, {@link Questions}, …); here they are handed to it.
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
        } catch (Refused refused) {
            return new Decision.Rejected(refused.rejection());
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

    /** The meeting with one more event: the stream's position moves on, then the event's section folds it in. */
    public static Meeting evolve(Meeting meeting, Recorded recorded) {
        Meeting.Position p = meeting.position();
        Instant at = recorded.at();
        Meeting m = meeting.with(new Meeting.Position(p.exists(), recorded.seq(), p.createdAt(),
                at.isAfter(p.lastAt()) ? at : p.lastAt(), p.lastId() + newIds(recorded.event())));
        return switch (recorded.event()) {
            case Event.Preparation e -> Preparation.evolve(m, e, at);
            case Event.Recruitment e -> Recruitment.evolve(m, e, at);
            case Event.Topics e -> Topics.evolve(m, e, at);
            case Event.Access e -> Access.evolve(m, e, at);
            case Event.Phases e -> Phases.evolve(m, e, at);
            case Event.Floor e -> Floor.evolve(m, e, at);
            case Event.Themes e -> Themes.evolve(m, e, at);
            case Event.Notes e -> Notes.evolve(m, e, at);
            case Event.Questions e -> Questions.evolve(m, e, at);
            case Event.Reporting e -> Reporting.evolve(m, e);
            case Event.FollowUp e -> FollowUp.evolve(m, e, at);
            case Event.Norms e -> Norms.evolve(m, e, at);
            case Event.Track e -> Track.evolve(m, e, at);
            case Event.Debrief e -> Debrief.evolve(m, e);
        };
    }

    /** Events that create something with a new id, drawn from the meeting's counter. */
    private static int newIds(Event event) {
        return switch (event) {
            case Event.ThemeAdded e -> 1;
            case Event.ParticipantAdded e -> 1;
            case Event.TopicSubmitted e -> 1;
            case Event.NoteAdded e -> 1;
            case Event.Whispered e -> 1;
            case Event.QuestionSubmitted e -> 1;
            case Event.ActionCreated e -> 1;
            default -> 0;
        };
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
     * shows; the organiser of a series recruits and follows up; a participant only evaluates.
     */
    public static boolean allowed(Role role, Class<? extends Command> type) {
        boolean byListener = Command.ByListener.class.isAssignableFrom(type);
        return switch (role) {
            case MODERATOR, ASSISTANT -> !byListener;
            case LISTENER -> byListener;
            case DISPLAY -> false;
            case ORGANISER -> Command.FollowUp.class.isAssignableFrom(type) || Command.ByOrganiser.class.isAssignableFrom(type);
            case PUBLIC -> Command.ByParticipant.class.isAssignableFrom(type);
        };
    }

    private static List<Event> events(Meeting m, Actor actor, Command command, Instant at) {
        if (command == null) {
            throw Rules.refuse(Rejection.invalid("type", new Rejection.Detail.Needed()));
        }
        if (command instanceof Command.CreateMeeting c) {
            return Preparation.create(m, actor, c);
        }
        Rules.require(m.exists(), NOT_FOUND);
        Rules.require(allowed(actor.role(), command.getClass()), FORBIDDEN);
        Rules.require(m.phase() != Phase.ENDED || command instanceof Command.AfterTheEnd, WRONG_PHASE);
        return switch (command) {
            case Command.Preparation c -> Preparation.decide(m, c);
            case Command.Recruitment c -> Recruitment.decide(m, c);
            case Command.Topics c -> Topics.decide(m, actor, c);
            case Command.Access c -> Access.decide(m, actor, c);
            case Command.Phases c -> Phases.decide(m, c);
            case Command.Floor c -> Floor.decide(m, c);
            case Command.Themes c -> Themes.decide(m, c);
            case Command.Notes c -> Notes.decide(m, actor, c);
            case Command.Questions c -> Questions.decide(m, actor, c);
            case Command.Reporting c -> Reporting.decide(m, c, at);
            case Command.FollowUp c -> FollowUp.decide(m, actor, c);
            case Command.Norms c -> Norms.decide(m, c);
            case Command.Track c -> Track.decide(m, c);
            case Command.Debrief c -> Debrief.decide(m, actor, c, at);
        };
    }
}
