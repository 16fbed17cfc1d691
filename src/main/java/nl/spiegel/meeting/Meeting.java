package nl.spiegel.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one mirror meeting: a fold of its events ({@link MeetingCore#evolve}). Immutable.
 * Its parts follow the sections of {@link Command}; each is changed by its own part of
 * {@link Evolution}, through the {@code with…} copies below.
 *
 * @param exists   false until the meeting was created
 * @param seq      the sequence number of the last event folded in
 * @param lastAt   the latest time of any event (an event timed when its sender acted offline may be earlier)
 * @param lastId   counter behind the ids of themes, participants, notes, questions, topics and actions
 */
public record Meeting(
        boolean exists,
        long seq,
        Instant createdAt,
        Instant lastAt,
        int lastId,
        Details details,
        Timeline timeline,
        Guide conversationGuide,
        List<Participant> participants,
        Floor floor,
        List<Note> notes,
        QuestionQueue clarifying,
        TopicList topicList,
        Admission admission,
        RetentionPolicy retention,
        ReportState reporting,
        List<Action> actions,
        List<Whisper> whispers) {

    public static final int MAX_PARTICIPANTS = 12;
    public static final int MAX_THEMES = 30;
    /** A listener can have this many questions waiting for screening; it keeps the queue calm. */
    public static final int MAX_WAITING_QUESTIONS = 10;
    /** Questions waiting for screening in the whole meeting: what a moderator can still read. */
    public static final int MAX_WAITING_IN_MEETING = 100;
    /** Questions a meeting holds in all, whatever became of them. */
    public static final int MAX_QUESTIONS = 500;
    /** Topics one listener may hand in. */
    public static final int MAX_TOPICS_PER_LISTENER = 10;
    /** Topics a meeting holds in all. */
    public static final int MAX_TOPICS = 200;
    /** Notes of one meeting: several per theme, and every view of the meeting carries them. */
    public static final int MAX_NOTES = 300;
    /** Listeners of one meeting, whatever limit the moderator set; the method has 25 to 40. */
    public static final int MAX_LISTENERS = 2000;
    /** Whispers a meeting keeps: the last few are what the other facilitator still needs to see. */
    public static final int MAX_WHISPERS = 20;

    public static Meeting none() {
        return new Meeting(false, 0, null, Instant.EPOCH, 0, null, Timeline.START, Guide.EMPTY, List.of(), Floor.EMPTY,
                List.of(), QuestionQueue.EMPTY, TopicList.CLOSED, Admission.OPEN, RetentionPolicy.DEFAULT,
                ReportState.EMPTY, List.of(), List.of());
    }

    /**
     * Where the meeting stands in its phases.
     *
     * @param openedAt when the meeting first entered {@link Phase#OPENING}
     */
    public record Timeline(Phase phase, Instant phaseSince, Instant openedAt, Instant endedAt) {
        static final Timeline START = new Timeline(Phase.PREPARATION, null, null, null);
    }

    /** The conversation guide: its themes in order, and the time spent on each. */
    public record Guide(List<Theme> themes, ThemeClock clock) {
        static final Guide EMPTY = new Guide(List.of(), ThemeClock.IDLE);
    }

    /** The clarifying questions, and the order of the accepted ones ({@code queue}, by id). */
    public record QuestionQueue(List<Question> questions, List<String> queue) {
        static final QuestionQueue EMPTY = new QuestionQueue(List.of(), List.of());
    }

    /** Topics handed in before the meeting, and whether handing in is open. */
    public record TopicList(boolean open, List<Topic> topics) {
        static final TopicList CLOSED = new TopicList(false, List.of());
    }

    /**
     * The listeners who joined, and whether more may join.
     *
     * @param limit how many listeners may join at most; {@code null} for no limit
     */
    public record Admission(Map<String, Listener> listeners, boolean open, Integer limit) {
        static final Admission OPEN = new Admission(Map.of(), true, null);
    }

    /**
     * How long the meeting is kept after its end.
     *
     * @param days {@code null} for the server's default
     */
    public record RetentionPolicy(Integer days, boolean keepAnonymised) {
        static final RetentionPolicy DEFAULT = new RetentionPolicy(null, true);
    }

    /** The report's draft and its finalised versions. */
    public record ReportState(Report.Draft draft, List<Report> versions) {
        static final ReportState EMPTY = new ReportState(Report.Draft.EMPTY, List.of());
    }

    /**
     * The meeting's facts.
     *
     * @param place            where the meeting is held, for the invitation
     * @param turnLimitSeconds a soft limit per turn: the running turn is coloured once over it; {@code null} for none
     */
    public record Details(String title, @Nullable String goal, @Nullable String targetGroup, @Nullable Instant scheduledStart,
                          int plannedMinutes, String language, String houseRules, @Nullable String place,
                          @Nullable Integer turnLimitSeconds) {}

    /** A theme of the conversation guide: a central, open question with a time budget. */
    public record Theme(String id, String title, String centralQuestion, int minutes) {}

    /**
     * Time spent per theme. {@code spent} holds finished stretches; the running one is
     * {@code current} since {@code since}; {@code last} is the theme most recently discussed.
     */
    public record ThemeClock(String current, Instant since, String last, Map<String, Duration> spent) {
        static final ThemeClock IDLE = new ThemeClock(null, null, null, Map.of());

        public Duration spentOn(String themeId, Instant now) {
            Duration done = spent.getOrDefault(themeId, Duration.ZERO);
            return themeId.equals(current) ? done.plus(Duration.between(since, now)) : done;
        }

        public boolean started(String themeId) {
            return themeId.equals(current) || spent.containsKey(themeId);
        }
    }

    /** A client in the circle, known only by a pseudonym and a seat (1 to 12, left to right). */
    public record Participant(String id, String pseudonym, int seat, boolean briefed) {}

    /**
     * Who has the floor and who waits for it. {@code turns} are finished stretches of speaking;
     * a stretch that continues a turn into a new theme is {@code continued}.
     */
    public record Floor(Speaker speaker, List<String> queue, List<Turn> turns) {
        static final Floor EMPTY = new Floor(null, List.of(), List.of());
    }

    /** The current speaker; a {@code null} participant id is the moderator. */
    public record Speaker(String participantId, String themeId, Instant since, boolean continued) {
        public boolean moderator() {
            return participantId == null;
        }
    }

    /** A finished stretch of speaking; a {@code null} participant id is the moderator. */
    public record Turn(String participantId, String themeId, Instant start, Instant end, boolean continued) {
        public Duration duration() {
            return Duration.between(start, end);
        }
    }

    public record Note(String id, String themeId, NoteTag tag, String text, boolean shared, Role author,
                       Instant at, Instant editedAt) {}

    public record Question(String id, String listenerId, String text, String participantId, String themeId,
                           QuestionStatus status, RejectReason rejectReason, String mergedInto,
                           boolean released, Instant submittedAt) {}

    /**
     * A short message between the moderator and the assistant, from {@code from}: never shown to
     * listeners or the display, never in the report.
     */
    public record Whisper(String id, Role from, String text, Instant at) {}

    public record Topic(String id, String listenerId, String text, TopicStatus status, Instant at) {}

    public record Listener(String id, @Nullable String displayName, Instant joinedAt) {}

    /** An improvement action with every state it went through, the first one being its creation. */
    public record Action(String id, String noteId, String title, String owner, @Nullable LocalDate due,
                         ActionStatus status, List<ActionChange> history) {}

    public record ActionChange(Instant at, String title, String owner, @Nullable LocalDate due, ActionStatus status) {}

    Meeting withHeader(boolean exists, Instant createdAt, Details details) {
        return new Meeting(exists, seq, createdAt, lastAt, lastId, details, timeline, conversationGuide, participants,
                floor, notes, clarifying, topicList, admission, retention, reporting, actions, whispers);
    }

    /**
     * This meeting with an event folded in at {@code seq} and {@code at}; {@code newIds} new ids drawn.
     * An event timed when its sender acted may be earlier than one stored before it.
     */
    Meeting recorded(long seq, Instant at, int newIds) {
        return new Meeting(exists, seq, createdAt, at.isAfter(lastAt) ? at : lastAt, lastId + newIds, details, timeline,
                conversationGuide,
                participants, floor, notes, clarifying, topicList, admission, retention, reporting, actions, whispers);
    }

    Meeting withTimeline(Timeline timeline) {
        return new Meeting(exists, seq, createdAt, lastAt, lastId, details, timeline, conversationGuide, participants,
                floor, notes, clarifying, topicList, admission, retention, reporting, actions, whispers);
    }

    Meeting withGuide(Guide conversationGuide) {
        return new Meeting(exists, seq, createdAt, lastAt, lastId, details, timeline, conversationGuide, participants,
                floor, notes, clarifying, topicList, admission, retention, reporting, actions, whispers);
    }

    Meeting withParticipants(List<Participant> participants) {
        return new Meeting(exists, seq, createdAt, lastAt, lastId, details, timeline, conversationGuide, participants,
                floor, notes, clarifying, topicList, admission, retention, reporting, actions, whispers);
    }

    Meeting withFloor(Floor floor) {
        return new Meeting(exists, seq, createdAt, lastAt, lastId, details, timeline, conversationGuide, participants,
                floor, notes, clarifying, topicList, admission, retention, reporting, actions, whispers);
    }

    Meeting withNotes(List<Note> notes) {
        return new Meeting(exists, seq, createdAt, lastAt, lastId, details, timeline, conversationGuide, participants,
                floor, notes, clarifying, topicList, admission, retention, reporting, actions, whispers);
    }

    Meeting withQuestions(QuestionQueue clarifying) {
        return new Meeting(exists, seq, createdAt, lastAt, lastId, details, timeline, conversationGuide, participants,
                floor, notes, clarifying, topicList, admission, retention, reporting, actions, whispers);
    }

    Meeting withTopics(TopicList topicList) {
        return new Meeting(exists, seq, createdAt, lastAt, lastId, details, timeline, conversationGuide, participants,
                floor, notes, clarifying, topicList, admission, retention, reporting, actions, whispers);
    }

    Meeting withAdmission(Admission admission) {
        return new Meeting(exists, seq, createdAt, lastAt, lastId, details, timeline, conversationGuide, participants,
                floor, notes, clarifying, topicList, admission, retention, reporting, actions, whispers);
    }

    Meeting withRetention(RetentionPolicy retention) {
        return new Meeting(exists, seq, createdAt, lastAt, lastId, details, timeline, conversationGuide, participants,
                floor, notes, clarifying, topicList, admission, retention, reporting, actions, whispers);
    }

    Meeting withReporting(ReportState reporting) {
        return new Meeting(exists, seq, createdAt, lastAt, lastId, details, timeline, conversationGuide, participants,
                floor, notes, clarifying, topicList, admission, retention, reporting, actions, whispers);
    }

    Meeting withWhispers(List<Whisper> whispers) {
        return new Meeting(exists, seq, createdAt, lastAt, lastId, details, timeline, conversationGuide, participants,
                floor, notes, clarifying, topicList, admission, retention, reporting, actions, whispers);
    }

    Meeting withActions(List<Action> actions) {
        return new Meeting(exists, seq, createdAt, lastAt, lastId, details, timeline, conversationGuide, participants,
                floor, notes, clarifying, topicList, admission, retention, reporting, actions, whispers);
    }

    // Short ways to the parts most read.

    public Phase phase() {
        return timeline.phase();
    }

    public Instant phaseSince() {
        return timeline.phaseSince();
    }

    public Instant openedAt() {
        return timeline.openedAt();
    }

    public Instant endedAt() {
        return timeline.endedAt();
    }

    public List<Theme> guide() {
        return conversationGuide.themes();
    }

    public ThemeClock themeClock() {
        return conversationGuide.clock();
    }

    public List<Question> questions() {
        return clarifying.questions();
    }

    public List<String> questionQueue() {
        return clarifying.queue();
    }

    public boolean topicsOpen() {
        return topicList.open();
    }

    public List<Topic> topics() {
        return topicList.topics();
    }

    public Map<String, Listener> listeners() {
        return admission.listeners();
    }

    public boolean joiningOpen() {
        return admission.open();
    }

    public Integer listenerLimit() {
        return admission.limit();
    }

    public Integer retentionDays() {
        return retention.days();
    }

    public boolean keepAnonymised() {
        return retention.keepAnonymised();
    }

    public Report.Draft reportDraft() {
        return reporting.draft();
    }

    public List<Report> reports() {
        return reporting.versions();
    }

    public Optional<Action> action(String id) {
        return actions.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<Theme> theme(String id) {
        return guide().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Participant> participant(String id) {
        return participants.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Note> note(String id) {
        return notes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public Optional<Question> question(String id) {
        return questions().stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public Optional<Topic> topic(String id) {
        return topics().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * The latest moment on the meeting's timeline: its last change of phase, of the floor, or of the
     * theme. What comes next on it may not be timed earlier.
     */
    public Instant timelineLatest() {
        Instant latest = phaseSince();
        Speaker speaker = floor.speaker();
        if (speaker != null) {
            latest = later(latest, speaker.since());
        }
        if (!floor.turns().isEmpty()) {
            latest = later(latest, floor.turns().getLast().end());
        }
        return later(latest, themeClock().since());
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    public String currentThemeId() {
        return themeClock().current();
    }

    public boolean hasSpoken(String participantId) {
        Speaker speaker = floor.speaker();
        return (speaker != null && participantId.equals(speaker.participantId()))
                || floor.turns().stream().anyMatch(t -> participantId.equals(t.participantId()));
    }
}
