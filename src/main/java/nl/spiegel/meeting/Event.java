package nl.spiegel.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What happened to a meeting, grouped by the same sections as {@link Command}; each section is
 * folded into the state by that section of the {@link Meeting}. Events carry no time of their own:
 * the stream records when each one happened (see {@link Recorded}). Ids of new things are chosen
 * by {@link MeetingCore#decide}. Stored by the record's simple name, so names never change.
 */
public sealed interface Event {

    /** Every concrete event type. */
    static List<Class<? extends Event>> types() {
        return SealedTypes.records(Event.class);
    }

    sealed interface Preparation extends Event {}

    /** {@code practice}: a rehearsal's copy (streams from before rehearsals have none: false). */
    record MeetingCreated(String title, String goal, String targetGroup, Instant scheduledStart,
                          int plannedMinutes, String language, String houseRules, boolean practice) implements Preparation {}

    record DetailsUpdated(String title, String goal, String targetGroup, Instant scheduledStart,
                          int plannedMinutes, String place, Integer turnLimitSeconds, String organisation,
                          String listenUrl) implements Preparation {}

    record HouseRulesSet(String text) implements Preparation {}

    /** {@code text} is {@code null} when the part went back to the generated text. */
    record BriefingEdited(BriefingPart part, String text) implements Preparation {}

    record SurveySet(List<nl.spiegel.meeting.Preparation.SurveyScore> scores) implements Preparation {}

    record ThemeAdded(String themeId, String title, String centralQuestion, int minutes) implements Preparation {}

    record ThemeEdited(String themeId, String title, String centralQuestion, int minutes) implements Preparation {}

    record ThemeRemoved(String themeId) implements Preparation {}

    record ThemeMoved(String themeId, int position) implements Preparation {}

    sealed interface Recruitment extends Event {}

    /** Streams written before recruitment had neither status nor profile: those participants had confirmed. */
    record ParticipantAdded(String participantId, String pseudonym, Integer seat, ParticipantStatus status, boolean gift,
                            Map<String, String> profile) implements Recruitment {
        public ParticipantAdded {
            status = status == null ? ParticipantStatus.CONFIRMED : status;
            profile = profile == null ? Map.of() : profile;
        }
    }

    record ParticipantEdited(String participantId, String pseudonym, Integer seat, boolean gift,
                             Map<String, String> profile) implements Recruitment {
        public ParticipantEdited {
            profile = profile == null ? Map.of() : profile;
        }
    }

    /** {@code seat} is the participant's seat after the change, {@code null} when they have none. */
    record ParticipantStatusSet(String participantId, ParticipantStatus status, Integer seat) implements Recruitment {}

    record ParticipantRemoved(String participantId) implements Recruitment {}

    record CrossSectionSet(List<nl.spiegel.meeting.Recruitment.Category> categories) implements Recruitment {}

    sealed interface Topics extends Event {}

    record TopicsOpenSet(boolean open) implements Topics {}

    record TopicSubmitted(String topicId, String listenerId, String text) implements Topics {}

    record TopicStatusSet(String topicId, TopicStatus status, String themeId) implements Topics {}

    sealed interface Access extends Event {}

    record ListenerJoined(String listenerId, String displayName) implements Access {}

    record ListenerRemoved(String listenerId, boolean questionsKept) implements Access {}

    record JoiningSet(boolean open, Integer listenerLimit) implements Access {}

    record RetentionSet(Integer days, boolean keepAnonymised) implements Access {}

    sealed interface Phases extends Event {}

    record PhaseChanged(Phase from, Phase to) implements Phases {}

    sealed interface Floor extends Event {}

    record FloorGiven(String participantId) implements Floor {}

    record ModeratorSpeaking() implements Floor {}

    record SpeakingPaused() implements Floor {}

    record SpeakerQueued(String participantId) implements Floor {}

    record SpeakerUnqueued(String participantId) implements Floor {}

    record SpeakerMoved(String participantId, int position) implements Floor {}

    sealed interface Themes extends Event {}

    record ThemeStarted(String themeId) implements Themes {}

    sealed interface Notes extends Event {}

    record NoteAdded(String noteId, String themeId, NoteTag tag, String text, boolean shared, Role author) implements Notes {}

    record NoteEdited(String noteId, NoteTag tag, String text, boolean shared) implements Notes {}

    record NoteDeleted(String noteId) implements Notes {}

    record Whispered(String whisperId, Role from, String text) implements Notes {}

    sealed interface Questions extends Event {}

    record QuestionSubmitted(String questionId, String listenerId, String text, String participantId,
                             String themeId) implements Questions {}

    record QuestionWithdrawn(String questionId) implements Questions {}

    record QuestionAccepted(String questionId) implements Questions {}

    record QuestionMerged(String questionId, String intoQuestionId) implements Questions {}

    record QuestionRejected(String questionId, RejectReason reason) implements Questions {}

    record QuestionMoved(String questionId, int position) implements Questions {}

    record QuestionAsked(String questionId) implements Questions {}

    record QuestionAnswered(String questionId) implements Questions {}

    /** {@code answer} is {@code null} when it was taken away. */
    record AnswerRecorded(String questionId, String answer) implements Questions {}

    record QuestionRestored(String questionId) implements Questions {}

    sealed interface Reporting extends Event {}

    record ReportEdited(String summary, String conclusions, List<String> serviceNorms,
                        List<String> excludedNoteIds, boolean namesShown) implements Reporting {}

    /** The whole report as it was finalised: later changes to the meeting do not reach it. */
    record ReportFinalized(Report report) implements Reporting {}

    /** {@code text} is {@code null} when the round-up was taken away. */
    record RoundUpRecorded(String text) implements Reporting {}

    sealed interface FollowUp extends Event {}

    record ActionCreated(String actionId, String noteId, String title, String owner, LocalDate due,
                         String publicTitle) implements FollowUp {}

    record ActionUpdated(String actionId, String title, String owner, LocalDate due, ActionStatus status,
                         String publicTitle) implements FollowUp {}

    record LetterSaved(String greeting, String closing, String signature) implements FollowUp {}

    sealed interface Norms extends Event {}

    record NormImported(String normId, String text) implements Norms {}

    record NormDropped(String normId) implements Norms {}

    record NormEvaluated(String normId, NormVerdict verdict, String note) implements Norms {}

    sealed interface Track extends Event {}

    /** {@code due} and {@code owner} are {@code null} when they went back to the proposed ones. */
    record MilestonePlanned(Milestone milestone, LocalDate due, Milestone.Owner owner) implements Track {}

    record MilestoneMarked(Milestone milestone, boolean done) implements Track {}

    /**
     * An event that names a listener beside what they wrote for the team to see only aggregated: it
     * stays in the stream (a listener edits their own), and never leaves it as it is (exports leave it out).
     */
    interface Anonymous {}

    sealed interface Debrief extends Event {}

    /** {@code text} (with its kind and theme) is {@code null} when the take-away was taken away. */
    record TakeAwayWritten(String listenerId, int slot, TakeAwayKind kind, String themeId, String text)
            implements Debrief, Anonymous {}

    record PerceivedBalanceRated(String listenerId, int score) implements Debrief, Anonymous {}

    record TakeAwayWindowSet(int days) implements Debrief {}

    record TakeAwaysIncluded(boolean include) implements Debrief {}

    /** {@code onPaper}: typed in by the moderator or assistant from a paper card. */
    record EvaluationGiven(Integer heard, Integer time, Integer information, Integer again, String remark, boolean onPaper)
            implements Debrief {}
}
