package nl.spiegel.meeting;

import java.time.Instant;

/**
 * What happened to a meeting. Events carry no time of their own: the stream records when each
 * one happened (see {@link Recorded}). Ids of new things are chosen by {@link MeetingCore#decide}.
 */
public sealed interface Event {

    record MeetingCreated(String title, String goal, String targetGroup, Instant scheduledStart,
                          int plannedMinutes, String language, String houseRules) implements Event {}

    record DetailsUpdated(String title, String goal, String targetGroup, Instant scheduledStart,
                          int plannedMinutes) implements Event {}

    record HouseRulesSet(String text) implements Event {}

    record ThemeAdded(String themeId, String title, String centralQuestion, int minutes) implements Event {}

    record ThemeEdited(String themeId, String title, String centralQuestion, int minutes) implements Event {}

    record ThemeRemoved(String themeId) implements Event {}

    record ThemeMoved(String themeId, int position) implements Event {}

    record ParticipantAdded(String participantId, String pseudonym, int seat, boolean briefed) implements Event {}

    record ParticipantEdited(String participantId, String pseudonym, int seat, boolean briefed) implements Event {}

    record ParticipantRemoved(String participantId) implements Event {}

    record TopicsOpenSet(boolean open) implements Event {}

    record TopicSubmitted(String topicId, String listenerId, String text) implements Event {}

    record TopicStatusSet(String topicId, TopicStatus status) implements Event {}

    record ListenerJoined(String listenerId, String displayName) implements Event {}

    record JoiningSet(boolean open, Integer listenerLimit) implements Event {}

    record RetentionSet(Integer days, boolean keepAnonymised) implements Event {}

    record PhaseChanged(Phase from, Phase to) implements Event {}

    record FloorGiven(String participantId) implements Event {}

    record ModeratorSpeaking() implements Event {}

    record SpeakingPaused() implements Event {}

    record SpeakerQueued(String participantId) implements Event {}

    record SpeakerUnqueued(String participantId) implements Event {}

    record SpeakerMoved(String participantId, int position) implements Event {}

    record ThemeStarted(String themeId) implements Event {}

    record NoteAdded(String noteId, String themeId, NoteTag tag, String text, boolean shared, Role author) implements Event {}

    record NoteEdited(String noteId, NoteTag tag, String text, boolean shared) implements Event {}

    record NoteDeleted(String noteId) implements Event {}

    record QuestionSubmitted(String questionId, String listenerId, String text, String participantId,
                             String themeId) implements Event {}

    record QuestionWithdrawn(String questionId) implements Event {}

    record QuestionAccepted(String questionId) implements Event {}

    record QuestionMerged(String questionId, String intoQuestionId) implements Event {}

    record QuestionRejected(String questionId, RejectReason reason) implements Event {}

    record QuestionMoved(String questionId, int position) implements Event {}

    record QuestionAsked(String questionId) implements Event {}

    record QuestionAnswered(String questionId) implements Event {}

    record ReportEdited(String summary, String conclusions, java.util.List<String> serviceNorms,
                        java.util.List<String> excludedNoteIds) implements Event {}

    /** The whole report as it was finalised: later changes to the meeting do not reach it. */
    record ReportFinalized(Report report) implements Event {}

    record ActionCreated(String actionId, String noteId, String title, String owner, java.time.LocalDate due) implements Event {}

    record ActionUpdated(String actionId, String title, String owner, java.time.LocalDate due, ActionStatus status) implements Event {}
}
