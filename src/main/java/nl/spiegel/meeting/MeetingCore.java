package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rejection.Reason.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;
import nl.spiegel.meeting.Meeting.Participant;
import nl.spiegel.meeting.Meeting.Question;
import nl.spiegel.meeting.Meeting.Theme;

/**
 * The pure core of a meeting: {@link #decide} turns a command into events or a rejection,
 * {@link #evolve} folds an event into the state. No I/O, no clock: time is passed in.
 */
public final class MeetingCore {

    private MeetingCore() {}

    public static final int DEFAULT_PLANNED_MINUTES = 75;
    public static final int MAX_QUESTION_LENGTH = 500;
    /** A listener can have this many questions waiting for screening; it keeps the queue calm. */
    public static final int MAX_WAITING_QUESTIONS_PER_LISTENER = 10;

    /** Decides what a command does to a meeting at {@code now}. Never throws on bad input. */
    public static Decision decide(Meeting meeting, Actor actor, Command command, Instant now) {
        Instant at = now.isBefore(meeting.lastAt()) ? meeting.lastAt() : now;
        try {
            return new Decision.Accepted(events(meeting, actor, command, at), at);
        } catch (Refusal refusal) {
            return new Decision.Rejected(refusal.rejection);
        }
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
     * Which role may send which command. Listeners only ask and hand in; the display only shows; the
     * organiser of a series only follows up actions.
     */
    public static boolean allowed(Role role, Command command) {
        boolean listenerCommand = command instanceof SubmitQuestion || command instanceof WithdrawQuestion
                || command instanceof SubmitTopic || command instanceof JoinAsListener;
        return switch (role) {
            case MODERATOR, ASSISTANT -> !listenerCommand;
            case LISTENER -> listenerCommand;
            case DISPLAY -> false;
            case ORGANISER -> command instanceof CreateAction || command instanceof UpdateAction;
        };
    }

    private static List<Event> events(Meeting m, Actor actor, Command command, Instant at) {
        if (command == null) {
            throw new Refusal(Rejection.invalid("type", "a command is needed.", "er is een opdracht nodig."));
        }
        if (command instanceof CreateMeeting c) {
            require(!m.exists(), ALREADY_EXISTS);
            require(actor.role() == Role.MODERATOR, FORBIDDEN);
            String language = c.language() == null ? "nl" : c.language().strip().toLowerCase(Locale.ROOT);
            if (!language.equals("nl") && !language.equals("en")) {
                throw new Refusal(Rejection.invalid("language", "must be 'nl' or 'en'.", "moet 'nl' of 'en' zijn."));
            }
            return List.of(new MeetingCreated(text("title", c.title(), 1, 200), optional("goal", c.goal(), 2000),
                    optional("targetGroup", c.targetGroup(), 200), c.scheduledStart(), plannedMinutes(c.plannedMinutes()),
                    language, HouseRules.defaults(language)));
        }
        require(m.exists(), NOT_FOUND);
        require(allowed(actor.role(), command), FORBIDDEN);
        if (m.phase() == Phase.ENDED && !(command instanceof AddNote || command instanceof EditNote
                || command instanceof DeleteNote || command instanceof EditReport || command instanceof FinalizeReport
                || command instanceof CreateAction || command instanceof UpdateAction || command instanceof SetRetention)) {
            throw new Refusal(WRONG_PHASE.rejection());
        }
        String nextId = String.valueOf(m.lastId() + 1);
        return switch (command) {
            case CreateMeeting c -> throw new IllegalStateException("handled above");
            case UpdateDetails c -> List.of(new DetailsUpdated(text("title", c.title(), 1, 200),
                    optional("goal", c.goal(), 2000), optional("targetGroup", c.targetGroup(), 200),
                    c.scheduledStart(), plannedMinutes(c.plannedMinutes())));
            case SetHouseRules c -> List.of(new HouseRulesSet(text("text", c.text(), 1, 4000)));
            case AddTheme c -> {
                require(m.guide().size() < Meeting.MAX_THEMES, GUIDE_FULL);
                yield List.of(new ThemeAdded("T" + nextId, text("title", c.title(), 1, 120),
                        text("centralQuestion", c.centralQuestion(), 1, 500), minutes(c.minutes())));
            }
            case EditTheme c -> {
                Theme theme = theme(m, c.themeId());
                yield List.of(new ThemeEdited(theme.id(), text("title", c.title(), 1, 120),
                        text("centralQuestion", c.centralQuestion(), 1, 500), minutes(c.minutes())));
            }
            case RemoveTheme c -> {
                Theme theme = theme(m, c.themeId());
                require(!m.themeClock().started(theme.id()), THEME_STARTED);
                yield List.of(new ThemeRemoved(theme.id()));
            }
            case MoveTheme c -> {
                Theme theme = theme(m, c.themeId());
                yield List.of(new ThemeMoved(theme.id(), position(c.position(), m.guide().size())));
            }
            case AddParticipant c -> {
                require(m.participants().size() < Meeting.MAX_PARTICIPANTS, CIRCLE_FULL);
                String pseudonym = pseudonym(m, null, c.pseudonym());
                yield List.of(new ParticipantAdded("P" + nextId, pseudonym, seat(m, null, c.seat()),
                        Boolean.TRUE.equals(c.briefed())));
            }
            case EditParticipant c -> {
                Participant p = participant(m, c.participantId());
                yield List.of(new ParticipantEdited(p.id(), pseudonym(m, p.id(), c.pseudonym()),
                        seat(m, p.id(), c.seat()), c.briefed() == null ? p.briefed() : c.briefed()));
            }
            case RemoveParticipant c -> {
                Participant p = participant(m, c.participantId());
                require(!m.hasSpoken(p.id()), HAS_SPOKEN);
                yield List.of(new ParticipantRemoved(p.id()));
            }
            case SetTopicsOpen c -> {
                if (c.open() == null) {
                    throw new Refusal(Rejection.invalid("open", "must be true or false.", "moet true of false zijn."));
                }
                yield c.open() == m.topicsOpen() ? List.of() : List.of(new TopicsOpenSet(c.open()));
            }
            case SubmitTopic c -> {
                requireJoined(m, actor);
                require(m.topicsOpen() && m.phase().compareTo(Phase.LOBBY) <= 0, TOPICS_CLOSED);
                yield List.of(new TopicSubmitted("K" + nextId, actor.listenerId(), text("text", c.text(), 1, 500)));
            }
            case SetTopicStatus c -> {
                String topicId = m.topic(c.topicId()).orElseThrow(() -> new Refusal(UNKNOWN_TOPIC.about("topicId"))).id();
                if (c.status() == null) {
                    throw new Refusal(Rejection.invalid("status", "is needed.", "is nodig."));
                }
                yield List.of(new TopicStatusSet(topicId, c.status()));
            }
            case JoinAsListener c -> {
                String name = optional("displayName", c.displayName(), 40);
                Meeting.Listener known = m.listeners().get(actor.listenerId());
                if (known == null) {
                    require(m.joiningOpen(), JOINING_CLOSED);
                    require(m.listenerLimit() == null || m.listeners().size() < m.listenerLimit(), LISTENERS_FULL);
                }
                boolean same = known != null && java.util.Objects.equals(known.displayName(), name);
                yield same ? List.of() : List.of(new ListenerJoined(actor.listenerId(), name));
            }
            case SetRetention c -> {
                Integer days = c.days() == null ? null : number("days", c.days(), 1, 3650);
                boolean keep = c.keepAnonymised() == null ? m.keepAnonymised() : c.keepAnonymised();
                yield java.util.Objects.equals(days, m.retentionDays()) && keep == m.keepAnonymised() ? List.of()
                        : List.of(new RetentionSet(days, keep));
            }
            case SetJoining c -> {
                if (c.open() == null) {
                    throw new Refusal(Rejection.invalid("open", "must be true or false.", "moet true of false zijn."));
                }
                Integer limit = c.listenerLimit() == null ? null : number("listenerLimit", c.listenerLimit(), 1, 10_000);
                boolean same = c.open() == m.joiningOpen() && java.util.Objects.equals(limit, m.listenerLimit());
                yield same ? List.of() : List.of(new JoiningSet(c.open(), limit));
            }
            case ChangePhase c -> {
                if (c.to() == null) {
                    throw new Refusal(Rejection.invalid("to", "a phase is needed.", "er is een fase nodig."));
                }
                require(m.phase().canMoveTo(c.to()), ILLEGAL_TRANSITION);
                List<Event> events = new ArrayList<>();
                events.add(new PhaseChanged(m.phase(), c.to()));
                if (c.to() == Phase.CONVERSATION && !m.guide().isEmpty()) {
                    String resume = m.themeClock().last();
                    events.add(new ThemeStarted(resume != null && m.theme(resume).isPresent() ? resume : m.guide().getFirst().id()));
                }
                yield events;
            }
            case GiveFloor c -> {
                requireLive(m);
                Participant p = participant(m, c.participantId());
                Meeting.Speaker speaker = m.floor().speaker();
                yield speaker != null && p.id().equals(speaker.participantId()) ? List.of() : List.of(new FloorGiven(p.id()));
            }
            case ModeratorSpeaks c -> {
                requireLive(m);
                Meeting.Speaker speaker = m.floor().speaker();
                yield speaker != null && speaker.moderator() ? List.of() : List.of(new ModeratorSpeaking());
            }
            case PauseSpeaking c -> m.floor().speaker() == null ? List.of() : List.of(new SpeakingPaused());
            case QueueSpeaker c -> {
                requireLive(m);
                Participant p = participant(m, c.participantId());
                yield m.floor().queue().contains(p.id()) ? List.of() : List.of(new SpeakerQueued(p.id()));
            }
            case UnqueueSpeaker c -> {
                Participant p = participant(m, c.participantId());
                yield m.floor().queue().contains(p.id()) ? List.of(new SpeakerUnqueued(p.id())) : List.of();
            }
            case MoveQueuedSpeaker c -> {
                Participant p = participant(m, c.participantId());
                if (!m.floor().queue().contains(p.id())) {
                    throw new Refusal(Rejection.invalid("participantId", "is not in the speaker queue.", "staat niet in de sprekersrij."));
                }
                yield List.of(new SpeakerMoved(p.id(), position(c.position(), m.floor().queue().size())));
            }
            case NextSpeaker c -> {
                requireLive(m);
                require(!m.floor().queue().isEmpty(), QUEUE_EMPTY);
                yield List.of(new FloorGiven(m.floor().queue().getFirst()));
            }
            case StartTheme c -> {
                requirePhase(m, Phase.CONVERSATION);
                Theme theme = theme(m, c.themeId());
                yield theme.id().equals(m.currentThemeId()) ? List.of() : List.of(new ThemeStarted(theme.id()));
            }
            case NextTheme c -> {
                requirePhase(m, Phase.CONVERSATION);
                String from = m.currentThemeId() != null ? m.currentThemeId() : m.themeClock().last();
                int next = from == null ? 0 : indexOf(m.guide(), from) + 1;
                require(next < m.guide().size(), NO_NEXT_THEME);
                yield List.of(new ThemeStarted(m.guide().get(next).id()));
            }
            case AddNote c -> {
                String themeId = c.themeId() == null ? m.currentThemeId() : theme(m, c.themeId()).id();
                yield List.of(new NoteAdded("N" + nextId, themeId, c.tag() == null ? NoteTag.OTHER : c.tag(),
                        text("text", c.text(), 1, 2000), Boolean.TRUE.equals(c.shared()), actor.role()));
            }
            case EditNote c -> {
                Meeting.Note note = m.note(c.noteId()).orElseThrow(() -> new Refusal(UNKNOWN_NOTE.about("noteId")));
                yield List.of(new NoteEdited(note.id(), c.tag() == null ? note.tag() : c.tag(),
                        c.text() == null ? note.text() : text("text", c.text(), 1, 2000),
                        c.shared() == null ? note.shared() : c.shared()));
            }
            case DeleteNote c -> List.of(new NoteDeleted(
                    m.note(c.noteId()).orElseThrow(() -> new Refusal(UNKNOWN_NOTE.about("noteId"))).id()));
            case SubmitQuestion c -> {
                requireJoined(m, actor);
                require(m.phase() != Phase.PREPARATION, WRONG_PHASE);
                String text = text("text", c.text(), 1, MAX_QUESTION_LENGTH);
                String participantId = c.participantId() == null ? null : participant(m, c.participantId()).id();
                String themeId = c.themeId() == null ? null : theme(m, c.themeId()).id();
                long waiting = m.questions().stream().filter(q -> q.listenerId().equals(actor.listenerId())
                        && q.status() == QuestionStatus.WAITING).count();
                require(waiting < MAX_WAITING_QUESTIONS_PER_LISTENER, TOO_MANY_QUESTIONS);
                yield List.of(new QuestionSubmitted("Q" + nextId, actor.listenerId(), text, participantId, themeId));
            }
            case WithdrawQuestion c -> {
                Question q = question(m, c.questionId(), "questionId");
                require(q.listenerId().equals(actor.listenerId()), NOT_YOURS);
                requireStatus(q, QuestionStatus.WAITING, QuestionStatus.ACCEPTED);
                yield List.of(new QuestionWithdrawn(q.id()));
            }
            case AcceptQuestion c -> {
                Question q = question(m, c.questionId(), "questionId");
                if (q.status() == QuestionStatus.ACCEPTED) {
                    yield List.of();
                }
                requireStatus(q, QuestionStatus.WAITING, QuestionStatus.REJECTED);
                yield List.of(new QuestionAccepted(q.id()));
            }
            case MergeQuestion c -> {
                Question q = question(m, c.questionId(), "questionId");
                Question into = question(m, c.intoQuestionId(), "intoQuestionId");
                if (q.id().equals(into.id())) {
                    throw new Refusal(Rejection.invalid("intoQuestionId", "must be another question.", "moet een andere vraag zijn."));
                }
                requireStatus(q, QuestionStatus.WAITING, QuestionStatus.ACCEPTED);
                if (into.status() != QuestionStatus.WAITING && !into.status().inQueue()) {
                    throw new Refusal(QUESTION_STATUS.about("intoQuestionId"));
                }
                yield into.status() == QuestionStatus.WAITING
                        ? List.of(new QuestionAccepted(into.id()), new QuestionMerged(q.id(), into.id()))
                        : List.of(new QuestionMerged(q.id(), into.id()));
            }
            case RejectQuestion c -> {
                Question q = question(m, c.questionId(), "questionId");
                if (c.reason() == null) {
                    throw new Refusal(Rejection.invalid("reason", "is needed.", "is nodig."));
                }
                requireStatus(q, QuestionStatus.WAITING, QuestionStatus.ACCEPTED);
                yield List.of(new QuestionRejected(q.id(), c.reason()));
            }
            case MoveQuestion c -> {
                Question q = question(m, c.questionId(), "questionId");
                require(m.questionQueue().contains(q.id()), QUESTION_STATUS);
                yield List.of(new QuestionMoved(q.id(), position(c.position(), m.questionQueue().size())));
            }
            case AskQuestion c -> {
                requirePhase(m, Phase.CLARIFYING);
                Question q = question(m, c.questionId(), "questionId");
                if (q.status() == QuestionStatus.ASKING) {
                    yield List.of();
                }
                requireStatus(q, QuestionStatus.ACCEPTED);
                List<Event> events = new ArrayList<>();
                m.questions().stream().filter(o -> o.status() == QuestionStatus.ASKING)
                        .forEach(o -> events.add(new QuestionAnswered(o.id())));
                events.add(new QuestionAsked(q.id()));
                yield events;
            }
            case EditReport c -> {
                requirePhase(m, Phase.ENDED);
                Report.Draft now = m.reportDraft();
                List<String> norms = c.serviceNorms() == null ? now.serviceNorms() : c.serviceNorms().stream()
                        .map(norm -> text("serviceNorms", norm, 1, 500)).toList();
                if (norms.size() > 50) {
                    throw new Refusal(Rejection.invalid("serviceNorms", "may hold at most 50 norms.", "mag hooguit 50 normen bevatten."));
                }
                List<String> excluded = c.excludedNoteIds() == null ? List.copyOf(now.excludedNoteIds()) : c.excludedNoteIds();
                for (String noteId : excluded) {
                    m.note(noteId).orElseThrow(() -> new Refusal(UNKNOWN_NOTE.about("excludedNoteIds")));
                }
                yield List.of(new ReportEdited(c.summary() == null ? now.summary() : optional("summary", c.summary(), 20_000),
                        c.conclusions() == null ? now.conclusions() : optional("conclusions", c.conclusions(), 20_000),
                        norms, List.copyOf(new java.util.LinkedHashSet<>(excluded))));
            }
            case FinalizeReport c -> {
                requirePhase(m, Phase.ENDED);
                yield List.of(new ReportFinalized(Report.of(m, m.reportDraft(), m.reports().size() + 1, at)));
            }
            case CreateAction c -> {
                requirePhase(m, Phase.ENDED);
                Meeting.Note note = m.note(c.noteId()).orElseThrow(() -> new Refusal(UNKNOWN_NOTE.about("noteId")));
                if (note.tag() != NoteTag.IMPROVEMENT_POINT) {
                    throw new Refusal(Rejection.invalid("noteId", "must be an improvement point.", "moet een verbeterpunt zijn."));
                }
                String title = c.title() == null || c.title().isBlank() ? abbreviate(note.text()) : text("title", c.title(), 1, 200);
                yield List.of(new ActionCreated("A" + nextId, note.id(), title, text("owner", c.owner(), 1, 100), c.due()));
            }
            case UpdateAction c -> {
                requirePhase(m, Phase.ENDED);
                Meeting.Action a = m.action(c.actionId()).orElseThrow(() -> new Refusal(UNKNOWN_ACTION.about("actionId")));
                yield List.of(new ActionUpdated(a.id(), c.title() == null ? a.title() : text("title", c.title(), 1, 200),
                        c.owner() == null ? a.owner() : text("owner", c.owner(), 1, 100), c.due() == null ? a.due() : c.due(),
                        c.status() == null ? a.status() : c.status()));
            }
            case MarkAnswered c -> {
                require(m.phase() == Phase.CLARIFYING || m.phase() == Phase.CLOSING, WRONG_PHASE);
                Question q = question(m, c.questionId(), "questionId");
                requireStatus(q, QuestionStatus.ASKING, QuestionStatus.ACCEPTED);
                yield List.of(new QuestionAnswered(q.id()));
            }
        };
    }

    /** Thrown inside {@link #decide} only, so that every check can stop the decision in one line. */
    private static final class Refusal extends RuntimeException {
        final transient Rejection rejection;

        Refusal(Rejection rejection) {
            super(rejection.code(), null, false, false);
            this.rejection = rejection;
        }
    }

    private static void require(boolean condition, Rejection.Reason reason) {
        if (!condition) {
            throw new Refusal(reason.rejection());
        }
    }

    private static void requireLive(Meeting m) {
        require(m.phase().live(), WRONG_PHASE);
    }

    private static void requirePhase(Meeting m, Phase phase) {
        require(m.phase() == phase, WRONG_PHASE);
    }

    private static void requireJoined(Meeting m, Actor actor) {
        require(m.listeners().containsKey(actor.listenerId()), NOT_JOINED);
    }

    private static void requireStatus(Question q, QuestionStatus... allowed) {
        for (QuestionStatus status : allowed) {
            if (q.status() == status) {
                return;
            }
        }
        throw new Refusal(QUESTION_STATUS.about("questionId"));
    }

    private static String text(String field, String value, int min, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() < min || stripped.length() > max) {
            throw new Refusal(Rejection.invalid(field, "must be " + min + " to " + max + " characters.",
                    "moet " + min + " tot " + max + " tekens lang zijn."));
        }
        return stripped;
    }

    /** Optional text: blank becomes {@code null}. */
    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(field, value, 1, max);
    }

    private static int plannedMinutes(Integer minutes) {
        if (minutes == null) {
            return DEFAULT_PLANNED_MINUTES;
        }
        return number("plannedMinutes", minutes, 15, 480);
    }

    private static int minutes(Integer minutes) {
        return number("minutes", minutes, 1, 240);
    }

    private static int number(String field, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            throw new Refusal(Rejection.invalid(field, "must be a whole number from " + min + " to " + max + ".",
                    "moet een heel getal van " + min + " tot " + max + " zijn."));
        }
        return value;
    }

    private static int position(Integer position, int size) {
        return number("position", position, 0, size - 1);
    }

    private static String pseudonym(Meeting m, String self, String value) {
        String pseudonym = text("pseudonym", value, 1, 40);
        boolean taken = m.participants().stream()
                .anyMatch(p -> !p.id().equals(self) && p.pseudonym().equalsIgnoreCase(pseudonym));
        if (taken) {
            throw new Refusal(PSEUDONYM_TAKEN.about("pseudonym"));
        }
        return pseudonym;
    }

    private static int seat(Meeting m, String self, Integer value) {
        int seat = number("seat", value, 1, Meeting.MAX_PARTICIPANTS);
        if (m.participants().stream().anyMatch(p -> !p.id().equals(self) && p.seat() == seat)) {
            throw new Refusal(SEAT_TAKEN.about("seat"));
        }
        return seat;
    }

    private static Theme theme(Meeting m, String id) {
        return lookup(m.theme(id), UNKNOWN_THEME, "themeId");
    }

    private static Participant participant(Meeting m, String id) {
        return lookup(m.participant(id), UNKNOWN_PARTICIPANT, "participantId");
    }

    private static Question question(Meeting m, String id, String field) {
        return lookup(m.question(id), UNKNOWN_QUESTION, field);
    }

    private static <T> T lookup(Optional<T> found, Rejection.Reason reason, String field) {
        return found.orElseThrow(() -> new Refusal(reason.about(field)));
    }

    /** An action's title from its improvement point, when none was given. */
    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    static int indexOf(List<Theme> guide, String themeId) {
        for (int i = 0; i < guide.size(); i++) {
            if (guide.get(i).id().equals(themeId)) {
                return i;
            }
        }
        return -1;
    }
}
