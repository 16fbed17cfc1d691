package nl.spiegel.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one mirror meeting: a fold of its events ({@link MeetingCore#evolve}). Immutable.
 *
 * @param exists   false until the meeting was created
 * @param seq      the sequence number of the last event folded in
 * @param lastAt   the time of the last event; later events never take an earlier time
 * @param lastId   counter behind the ids of themes, participants, notes, questions and topics
 * @param openedAt when the meeting first entered {@link Phase#OPENING}
 * @param listenerLimit how many listeners may join at most; {@code null} for no limit
 * @param retentionDays days after the end until the meeting is erased; {@code null} for the server's default
 */
public record Meeting(
        boolean exists,
        long seq,
        Instant createdAt,
        Instant lastAt,
        int lastId,
        Details details,
        Phase phase,
        Instant phaseSince,
        Instant openedAt,
        Instant endedAt,
        List<Theme> guide,
        ThemeClock themeClock,
        List<Participant> participants,
        Floor floor,
        List<Note> notes,
        List<Question> questions,
        List<String> questionQueue,
        boolean topicsOpen,
        List<Topic> topics,
        Map<String, Listener> listeners,
        boolean joiningOpen,
        Integer listenerLimit,
        Report.Draft reportDraft,
        List<Report> reports,
        List<Action> actions,
        Integer retentionDays,
        boolean keepAnonymised) {

    public static final int MAX_PARTICIPANTS = 12;
    public static final int MAX_THEMES = 30;

    public static Meeting none() {
        return new Meeting(false, 0, null, Instant.EPOCH, 0, null, Phase.PREPARATION, null, null, null,
                List.of(), ThemeClock.IDLE, List.of(), Floor.EMPTY, List.of(), List.of(), List.of(), false,
                List.of(), Map.of(), true, null, Report.Draft.EMPTY, List.of(), List.of(), null, true);
    }

    public record Details(String title, String goal, String targetGroup, Instant scheduledStart,
                          int plannedMinutes, String language, String houseRules) {}

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

    public record Topic(String id, String listenerId, String text, TopicStatus status, Instant at) {}

    public record Listener(String id, String displayName, Instant joinedAt) {}

    /** An improvement action with every state it went through, the first one being its creation. */
    public record Action(String id, String noteId, String title, String owner, java.time.LocalDate due,
                         ActionStatus status, List<ActionChange> history) {}

    public record ActionChange(Instant at, String title, String owner, java.time.LocalDate due, ActionStatus status) {}

    public Optional<Action> action(String id) {
        return actions.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<Theme> theme(String id) {
        return guide.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Participant> participant(String id) {
        return participants.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Note> note(String id) {
        return notes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public Optional<Topic> topic(String id) {
        return topics.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public String currentThemeId() {
        return themeClock.current();
    }

    public boolean hasSpoken(String participantId) {
        Speaker speaker = floor.speaker();
        return (speaker != null && participantId.equals(speaker.participantId()))
                || floor.turns().stream().anyMatch(t -> participantId.equals(t.participantId()));
    }
}
