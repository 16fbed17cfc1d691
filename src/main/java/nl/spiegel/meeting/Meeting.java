package nl.spiegel.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Collections;
import java.util.TreeMap;
import java.util.Comparator;

/**
 * The state of one mirror meeting: a fold of its events ({@link MeetingCore#evolve}). Immutable.
 * It is composed of sections that follow the sections of {@link Command} and {@link Event}; each
 * section is a small record in a file of its own, beside the decisions on its commands and the fold
 * of its events ({@link Preparation}, {@link Recruitment}, {@link Phases}, {@link Floor}, {@link Themes}, {@link Notes},
 * {@link Questions}, {@link Topics}, {@link Access}, {@link Reporting}, {@link FollowUp}, {@link Norms}, {@link Track}, {@link Debrief}).
 *
 * @param position where the meeting stands in its stream
 */
public record Meeting(Position position, Preparation preparation, Recruitment recruitment, Phases phases, Floor floor,
                      Themes themes, Notes notebook, Questions clarifying, Topics topicList, Access access,
                      Reporting reporting, FollowUp followUp, Norms norms, Track track, Debrief debrief) {

    public static final int MAX_PARTICIPANTS = 14;
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
    /**
     * Listeners of one meeting, whatever limit the moderator set: the method has 25 to 40; a town-hall
     * meeting streamed to every inhabitant has thousands.
     */
    public static final int MAX_LISTENERS = 10_000;
    /** Whispers a meeting keeps: the last few are what the other facilitator still needs to see. */
    public static final int MAX_WHISPERS = 20;

    public static Meeting none() {
        return new Meeting(Position.START, Preparation.EMPTY, Recruitment.EMPTY, Phases.START, Floor.EMPTY, Themes.IDLE, Notes.EMPTY,
                Questions.EMPTY, Topics.CLOSED, Access.OPEN, Reporting.EMPTY, FollowUp.EMPTY, Norms.EMPTY, Track.EMPTY, Debrief.EMPTY);
    }

    /**
     * Where the meeting stands in its stream.
     *
     * @param exists false until the meeting was created
     * @param seq    the sequence number of the last event folded in
     * @param lastAt the latest time of any event (an event timed when its sender acted offline may be earlier)
     * @param lastId counter behind the ids of themes, participants, notes, questions, topics and actions
     */
    public record Position(boolean exists, long seq, Instant createdAt, Instant lastAt, int lastId) {
        static final Position START = new Position(false, 0, null, Instant.EPOCH, 0);
    }

    // The things a meeting holds, as its sections keep them.

    /**
     * The meeting's facts.
     *
     * @param place            where the meeting is held, for the invitation
     * @param turnLimitSeconds a soft limit per turn: the running turn is coloured once over it; {@code null} for none
     * @param organisation     who holds the meeting, as the letter and the invitation name it
     * @param listenUrl        where remote listeners hear the conversation (a video call), shown to listeners
     * @param practice         a rehearsal's copy: marked on every screen, never counted, discarded at its end
     */
    public record Details(String title, @Nullable String goal, @Nullable String targetGroup, @Nullable Instant scheduledStart,
                          int plannedMinutes, String language, String houseRules, @Nullable String place,
                          @Nullable Integer turnLimitSeconds, @Nullable String organisation, @Nullable String listenUrl,
                          boolean practice) {}

    /** A theme of the conversation guide: a central, open question with a time budget. */
    public record Theme(String id, String title, String centralQuestion, int minutes) {}

    /**
     * A client recruited for the meeting, known only by a pseudonym; see {@link Recruitment}.
     *
     * @param seat      1 to {@value #MAX_PARTICIPANTS}, left to right; absent for a no-show, one who
     *                  declined, or one waiting in reserve
     * @param gift      whether they had their gift (attentie)
     * @param profile   their value in each category of the cross-section, by category name
     * @param arrivedAt when a late arrival came in: they count in the balance from then, the others
     *                  from the opening
     */
    public record Participant(String id, String pseudonym, @Nullable Integer seat, ParticipantStatus status,
                              boolean gift, Map<String, String> profile, @Nullable Instant arrivedAt) {

        public Participant {
            profile = Collections.unmodifiableSortedMap(new TreeMap<>(profile));
        }

        /** In the circle: expected or there, with a seat. */
        public boolean seated() {
            return seat != null;
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

    /**
     * A short message between the moderator and the assistant, from {@code from}: never shown to
     * listeners or the display, never in the report.
     */
    public record Whisper(String id, Role from, String text, Instant at) {}

    /** A clarifying question; {@code answer} is what was answered to it, in a few words, for the report. */
    public record Question(String id, String listenerId, String text, String participantId, String themeId,
                           QuestionStatus status, RejectReason rejectReason, String mergedInto,
                           boolean released, Instant submittedAt, @Nullable String answer) {}

    /** A topic a listener handed in; {@code themeId} is the theme where an adopted topic is taken up. */
    public record Topic(String id, String listenerId, String text, TopicStatus status, Instant at, @Nullable String themeId) {}

    public record Listener(String id, @Nullable String displayName, Instant joinedAt) {}

    /**
     * An improvement action with every state it went through, the first one being its creation.
     * {@code publicTitle} is what participants read; {@code null} when it is the title.
     */
    public record Action(String id, String noteId, String title, String owner, @Nullable LocalDate due,
                         ActionStatus status, List<ActionChange> history, @Nullable String publicTitle) {

        /** What the participants read of this action. */
        public String wording() {
            return publicTitle != null ? publicTitle : title;
        }

        /** Not done (or dropped) by its due date. */
        public boolean overdue(LocalDate today) {
            return due != null && today.isAfter(due) && (status == ActionStatus.OPEN || status == ActionStatus.IN_PROGRESS);
        }
    }

    public record ActionChange(Instant at, String title, String owner, @Nullable LocalDate due, ActionStatus status,
                               @Nullable String publicTitle) {}

    // One section replaced, for the folds of the sections.

    Meeting with(Position position) {
        return new Meeting(position, preparation, recruitment, phases, floor, themes, notebook, clarifying, topicList, access, reporting, followUp, norms, track, debrief);
    }

    Meeting with(Preparation preparation) {
        return new Meeting(position, preparation, recruitment, phases, floor, themes, notebook, clarifying, topicList, access, reporting, followUp, norms, track, debrief);
    }

    Meeting with(Recruitment recruitment) {
        return new Meeting(position, preparation, recruitment, phases, floor, themes, notebook, clarifying, topicList, access, reporting, followUp, norms, track, debrief);
    }

    Meeting with(Phases phases) {
        return new Meeting(position, preparation, recruitment, phases, floor, themes, notebook, clarifying, topicList, access, reporting, followUp, norms, track, debrief);
    }

    Meeting with(Floor floor) {
        return new Meeting(position, preparation, recruitment, phases, floor, themes, notebook, clarifying, topicList, access, reporting, followUp, norms, track, debrief);
    }

    Meeting with(Themes themes) {
        return new Meeting(position, preparation, recruitment, phases, floor, themes, notebook, clarifying, topicList, access, reporting, followUp, norms, track, debrief);
    }

    Meeting with(Notes notebook) {
        return new Meeting(position, preparation, recruitment, phases, floor, themes, notebook, clarifying, topicList, access, reporting, followUp, norms, track, debrief);
    }

    Meeting with(Questions clarifying) {
        return new Meeting(position, preparation, recruitment, phases, floor, themes, notebook, clarifying, topicList, access, reporting, followUp, norms, track, debrief);
    }

    Meeting with(Topics topicList) {
        return new Meeting(position, preparation, recruitment, phases, floor, themes, notebook, clarifying, topicList, access, reporting, followUp, norms, track, debrief);
    }

    Meeting with(Access access) {
        return new Meeting(position, preparation, recruitment, phases, floor, themes, notebook, clarifying, topicList, access, reporting, followUp, norms, track, debrief);
    }

    Meeting with(Reporting reporting) {
        return new Meeting(position, preparation, recruitment, phases, floor, themes, notebook, clarifying, topicList, access, reporting, followUp, norms, track, debrief);
    }

    Meeting with(FollowUp followUp) {
        return new Meeting(position, preparation, recruitment, phases, floor, themes, notebook, clarifying, topicList, access, reporting, followUp, norms, track, debrief);
    }

    Meeting with(Norms norms) {
        return new Meeting(position, preparation, recruitment, phases, floor, themes, notebook, clarifying, topicList, access, reporting, followUp, norms, track, debrief);
    }

    Meeting with(Track track) {
        return new Meeting(position, preparation, recruitment, phases, floor, themes, notebook, clarifying, topicList, access, reporting, followUp, norms, track, debrief);
    }

    Meeting with(Debrief debrief) {
        return new Meeting(position, preparation, recruitment, phases, floor, themes, notebook, clarifying, topicList, access, reporting, followUp, norms, track, debrief);
    }

    // Short ways to what is most read.

    public boolean exists() {
        return position.exists();
    }

    public long seq() {
        return position.seq();
    }

    public Instant createdAt() {
        return position.createdAt();
    }

    public Instant lastAt() {
        return position.lastAt();
    }

    public int lastId() {
        return position.lastId();
    }

    public Details details() {
        return preparation.details();
    }

    public List<Theme> guide() {
        return preparation.guide();
    }

    /** Every participant recruited, with or without a seat. */
    public List<Participant> participants() {
        return recruitment.participants();
    }

    /** The participants with a seat, by seat: who is expected or there, and counts in the balance. */
    public List<Participant> circle() {
        return recruitment.participants().stream().filter(Participant::seated)
                .sorted(Comparator.comparingInt(Participant::seat)).toList();
    }

    public Phase phase() {
        return phases.phase();
    }

    public Instant phaseSince() {
        return phases.since();
    }

    public Instant openedAt() {
        return phases.openedAt();
    }

    public Instant endedAt() {
        return phases.endedAt();
    }

    public Themes themeClock() {
        return themes;
    }

    public String currentThemeId() {
        return themes.current();
    }

    public List<Note> notes() {
        return notebook.notes();
    }

    public List<Whisper> whispers() {
        return notebook.whispers();
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
        return access.listeners();
    }

    public boolean joiningOpen() {
        return access.joiningOpen();
    }

    public Integer listenerLimit() {
        return access.listenerLimit();
    }

    public Integer retentionDays() {
        return access.retentionDays();
    }

    public boolean keepAnonymised() {
        return access.keepAnonymised();
    }

    public Report.Draft reportDraft() {
        return reporting.draft();
    }

    public List<Report> reports() {
        return reporting.versions();
    }

    public List<Action> actions() {
        return followUp.actions();
    }

    public Optional<Action> action(String id) {
        return actions().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<Theme> theme(String id) {
        return guide().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Participant> participant(String id) {
        return participants().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Note> note(String id) {
        return notes().stream().filter(n -> n.id().equals(id)).findFirst();
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
        if (floor.speaker() instanceof Floor.Speaking speaking) {
            latest = later(latest, speaking.since());
        }
        if (!floor.turns().isEmpty()) {
            latest = later(latest, floor.turns().getLast().end());
        }
        return later(latest, themes.since());
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    public boolean hasSpoken(String participantId) {
        return (floor.speaker() instanceof Floor.Speaking speaking && participantId.equals(speaking.participantId()))
                || floor.turns().stream().anyMatch(t -> participantId.equals(t.participantId()));
    }
}
