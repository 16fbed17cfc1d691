package nl.spiegel.meeting;

import java.time.Instant;

/**
 * Everything a person can ask of a meeting. Fields are boxed and may be {@code null} when a
 * client leaves them out; {@link MeetingCore#decide} turns that into a rejection naming the field.
 */
public sealed interface Command {

    // Preparation: the meeting's facts, the conversation guide, the circle of participants.

    record CreateMeeting(String title, String goal, String targetGroup, Instant scheduledStart,
                         Integer plannedMinutes, String language) implements Command {}

    record UpdateDetails(String title, String goal, String targetGroup, Instant scheduledStart,
                         Integer plannedMinutes) implements Command {}

    record SetHouseRules(String text) implements Command {}

    record AddTheme(String title, String centralQuestion, Integer minutes) implements Command {}

    record EditTheme(String themeId, String title, String centralQuestion, Integer minutes) implements Command {}

    record RemoveTheme(String themeId) implements Command {}

    /** Moves a theme to a 0-based position in the guide. */
    record MoveTheme(String themeId, Integer position) implements Command {}

    record AddParticipant(String pseudonym, Integer seat, Boolean briefed) implements Command {}

    record EditParticipant(String participantId, String pseudonym, Integer seat, Boolean briefed) implements Command {}

    record RemoveParticipant(String participantId) implements Command {}

    /** Whether listeners may hand in topics before the meeting. */
    record SetTopicsOpen(Boolean open) implements Command {}

    record SubmitTopic(String text) implements Command {}

    record SetTopicStatus(String topicId, TopicStatus status) implements Command {}

    // Listeners.

    record JoinAsListener(String displayName) implements Command {}

    /** Whether new listeners may join, and how many may join at most ({@code null}: no limit). */
    record SetJoining(Boolean open, Integer listenerLimit) implements Command {}

    /**
     * How many days after its end the meeting is erased ({@code null}: the server's default), and
     * whether an anonymised summary (improvement points and actions) is kept.
     */
    record SetRetention(Integer days, Boolean keepAnonymised) implements Command {}

    // Phases.

    record ChangePhase(Phase to) implements Command {}

    // The floor: who speaks, who is next.

    /** That participant speaks now; the turn before ends. */
    record GiveFloor(String participantId) implements Command {}

    record ModeratorSpeaks() implements Command {}

    record PauseSpeaking() implements Command {}

    record QueueSpeaker(String participantId) implements Command {}

    record UnqueueSpeaker(String participantId) implements Command {}

    record MoveQueuedSpeaker(String participantId, Integer position) implements Command {}

    /** The first in the speaker queue gets the floor. */
    record NextSpeaker() implements Command {}

    // The guide during the conversation.

    record StartTheme(String themeId) implements Command {}

    record NextTheme() implements Command {}

    // Notes. A note without theme id belongs to the current theme, or to the meeting as a whole.

    record AddNote(String themeId, NoteTag tag, String text, Boolean shared) implements Command {}

    record EditNote(String noteId, NoteTag tag, String text, Boolean shared) implements Command {}

    record DeleteNote(String noteId) implements Command {}

    // Clarifying questions.

    record SubmitQuestion(String text, String participantId, String themeId) implements Command {}

    record WithdrawQuestion(String questionId) implements Command {}

    record AcceptQuestion(String questionId) implements Command {}

    record MergeQuestion(String questionId, String intoQuestionId) implements Command {}

    record RejectQuestion(String questionId, RejectReason reason) implements Command {}

    /** Moves an accepted question to a 0-based position in the queue. */
    record MoveQuestion(String questionId, Integer position) implements Command {}

    record AskQuestion(String questionId) implements Command {}

    record MarkAnswered(String questionId) implements Command {}

    // The report, once the meeting has ended.

    /** The moderator's text for the report and the notes left out of it; fields left out keep their value. */
    record EditReport(String summary, String conclusions, java.util.List<String> serviceNorms,
                      java.util.List<String> excludedNoteIds) implements Command {}

    /** Freezes the report as it is now as the next version. */
    record FinalizeReport() implements Command {}

    // Follow-up: improvement points become actions, owned by a team or role (no personal data).

    record CreateAction(String noteId, String title, String owner, java.time.LocalDate due) implements Command {}

    /** Changes an action; fields left out keep their value. */
    record UpdateAction(String actionId, String title, String owner, java.time.LocalDate due,
                        ActionStatus status) implements Command {}
}
