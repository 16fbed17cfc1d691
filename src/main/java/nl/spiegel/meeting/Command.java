package nl.spiegel.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a person can ask of a meeting, grouped by section: each section decides its own (see
 * {@link MeetingCore}). Who may send a command is a property of its type: the markers
 * {@link ByListener}, {@link ByOrganiser}, {@link AfterTheEnd} and {@link FromTheServer}, and the
 * {@link FollowUp} section for organisers.
 * Fields are boxed and may be {@code null} when a client leaves them out; the core turns that into a
 * rejection naming the field.
 */
public sealed interface Command {

    /** Sent by listeners only; moderators and assistants send every other command. */
    interface ByListener {}

    /**
     * Also sent by a participant, anonymously, through the evaluation card's link (the server sends
     * it as the {@code PUBLIC} role); moderators and assistants type in paper cards.
     */
    interface ByParticipant {}

    /** Still allowed once the meeting has ended. */
    interface AfterTheEnd {}

    /** Sent by the organiser of a series that holds the meeting too, besides moderator and assistant. */
    interface ByOrganiser {}

    /**
     * Made by the server from what it looked up (a new meeting's keys, a norm's text in the register),
     * never taken from a client as it is: the live protocol does not accept these.
     */
    interface FromTheServer {}

    /** Every concrete command type, in the order of their sections. */
    static List<Class<? extends Command>> types() {
        return SealedTypes.records(Command.class);
    }

    /** The meeting's facts and the conversation guide. */
    sealed interface Preparation extends Command {}

    /**
     * A new meeting; {@code practice} makes it a rehearsal's copy, which is never counted and is
     * discarded when it ends (the server makes those, from a meeting's preparation).
     */
    record CreateMeeting(String title, String goal, String targetGroup, Instant scheduledStart,
                         Integer plannedMinutes, String language, Boolean practice) implements Preparation, FromTheServer {}

    /**
     * The meeting's facts, all at once (a field left out is emptied).
     *
     * @param organisation who holds the meeting, as the letter and the invitation name it
     * @param listenUrl    where remote listeners hear the conversation: a video call's {@code https} link
     */
    record UpdateDetails(String title, String goal, String targetGroup, Instant scheduledStart,
                         Integer plannedMinutes, String place, Integer turnLimitSeconds, String organisation,
                         String listenUrl) implements Preparation {}

    record SetHouseRules(String text) implements Preparation {}

    /** The organiser's own words for a part of the participants' briefing; blank: back to the generated text. */
    record EditBriefing(BriefingPart part, String text) implements Preparation, ByOrganiser {}

    /**
     * A satisfaction survey's scores per theme, all at once (an empty list takes them away): imported
     * from a CSV file over REST.
     */
    record SetSurvey(List<nl.spiegel.meeting.Preparation.SurveyScore> scores) implements Preparation, ByOrganiser {}

    record AddTheme(String title, String centralQuestion, Integer minutes) implements Preparation {}

    record EditTheme(String themeId, String title, String centralQuestion, Integer minutes) implements Preparation {}

    record RemoveTheme(String themeId) implements Preparation {}

    /** Moves a theme to a 0-based position in the guide. */
    record MoveTheme(String themeId, Integer position) implements Preparation {}

    /**
     * The participants, recruited without contact data, and the cross-section they should form; the
     * organiser recruits, the moderator marks who came.
     */
    sealed interface Recruitment extends Command, ByOrganiser {}

    /**
     * A participant's place. Without a status: invited before the meeting opens, present (a late
     * arrival) after. Without a seat: the first free one, if any.
     *
     * @param profile their value in categories of the cross-section, by category name
     */
    record AddParticipant(String pseudonym, Integer seat, ParticipantStatus status, Boolean gift,
                          Map<String, String> profile) implements Recruitment {}

    /** Changes a participant's place; fields left out keep their value. */
    record EditParticipant(String participantId, String pseudonym, Integer seat, Boolean gift,
                           Map<String, String> profile) implements Recruitment {}

    /**
     * Moves a participant on (or back) from invited to present; a no-show or a cancellation gives up
     * the seat. {@code seat} chooses the seat of one who gets one back; otherwise the first free one.
     */
    record SetParticipantStatus(String participantId, ParticipantStatus status, Integer seat) implements Recruitment {}

    /** Takes a place away that was added by mistake; who has spoken stays. */
    record RemoveParticipant(String participantId) implements Recruitment {}

    /** The cross-section of the target group: categories with the wanted share of each value. */
    record SetCrossSection(List<nl.spiegel.meeting.Recruitment.Category> categories) implements Recruitment {}

    /** Topics that listeners hand in before the meeting. */
    sealed interface Topics extends Command {}

    /** Whether listeners may hand in topics before the meeting. */
    record SetTopicsOpen(Boolean open) implements Topics {}

    record SubmitTopic(String text) implements Topics, ByListener {}

    /** A topic's status; an adopted topic may name the theme where it is taken up. */
    record SetTopicStatus(String topicId, TopicStatus status, String themeId) implements Topics {}

    /** Who may come in, and how long the meeting is kept. */
    sealed interface Access extends Command {}

    record JoinAsListener(String displayName) implements Access, ByListener {}

    /**
     * Removes a listener: their key stops working at once. Their questions and topics still waiting
     * go away too, unless {@code keepQuestions}.
     */
    record RemoveListener(String listenerId, Boolean keepQuestions) implements Access {}

    /** Whether new listeners may join, and how many may join at most ({@code null}: no limit). */
    record SetJoining(Boolean open, Integer listenerLimit) implements Access {}

    /**
     * How many days after its end the meeting is erased ({@code null}: the server's default), and
     * whether an anonymised summary (improvement points and actions) is kept.
     */
    record SetRetention(Integer days, Boolean keepAnonymised) implements Access, AfterTheEnd {}

    /** The phases of the meeting. */
    sealed interface Phases extends Command {}

    record ChangePhase(Phase to) implements Phases {}

    /** The floor: who speaks, who is next. */
    sealed interface Floor extends Command {}

    /** That participant speaks now; the turn before ends. */
    record GiveFloor(String participantId) implements Floor {}

    record ModeratorSpeaks() implements Floor {}

    record PauseSpeaking() implements Floor {}

    record QueueSpeaker(String participantId) implements Floor {}

    record UnqueueSpeaker(String participantId) implements Floor {}

    record MoveQueuedSpeaker(String participantId, Integer position) implements Floor {}

    /** The first in the speaker queue gets the floor. */
    record NextSpeaker() implements Floor {}

    /** The guide during the conversation: which theme runs. */
    sealed interface Themes extends Command {}

    record StartTheme(String themeId) implements Themes {}

    record NextTheme() implements Themes {}

    /** Notes. A note without theme id belongs to the current theme, or to the meeting as a whole. */
    sealed interface Notes extends Command, AfterTheEnd {}

    record AddNote(String themeId, NoteTag tag, String text, Boolean shared) implements Notes {}

    record EditNote(String noteId, NoteTag tag, String text, Boolean shared) implements Notes {}

    record DeleteNote(String noteId) implements Notes {}

    /** A short private message to the other facilitator (moderator to assistant, or back). */
    record Whisper(String text) implements Notes {}

    /** Clarifying questions: handed in by listeners, screened and asked by the moderator. */
    sealed interface Questions extends Command {}

    record SubmitQuestion(String text, String participantId, String themeId) implements Questions, ByListener {}

    record WithdrawQuestion(String questionId) implements Questions, ByListener {}

    record AcceptQuestion(String questionId) implements Questions {}

    record MergeQuestion(String questionId, String intoQuestionId) implements Questions {}

    record RejectQuestion(String questionId, RejectReason reason) implements Questions {}

    /** Moves an accepted question to a 0-based position in the queue. */
    record MoveQuestion(String questionId, Integer position) implements Questions {}

    record AskQuestion(String questionId) implements Questions {}

    record MarkAnswered(String questionId) implements Questions {}

    /**
     * What the participants answered to an accepted question, in a few words, for the report: noted
     * while it is asked or afterwards, also after the meeting ended (an answer given in writing).
     * Blank takes it away again.
     */
    record RecordAnswer(String questionId, String answer) implements Questions, AfterTheEnd, ByOrganiser {}

    /** One tap in the clarifying phase: the question being asked is answered, the next one is asked. */
    record NextQuestion() implements Questions {}

    /** Takes back a merge or a rejection: the question is waiting to be screened again. */
    record RestoreQuestion(String questionId) implements Questions {}

    /** The report, once the meeting has ended. */
    sealed interface Reporting extends Command, AfterTheEnd {}

    /**
     * The moderator's text for the report, the notes left out of it, and whether the speaking time
     * is shown by name (by default it is not); fields left out keep their value.
     */
    record EditReport(String summary, String conclusions, List<String> serviceNorms,
                      List<String> excludedNoteIds, Boolean namesShown) implements Reporting {}

    /** Freezes the report as it is now as the next version. */
    record FinalizeReport() implements Reporting {}

    /**
     * The moderator's round-up of the closing phase (what the participants found most important), for
     * the report; from the closing phase on. Blank takes it away.
     */
    record RecordRoundUp(String text) implements Reporting {}

    /** Follow-up: improvement points become actions, owned by a team or role (no personal data). */
    sealed interface FollowUp extends Command, AfterTheEnd {}

    /**
     * An action on an improvement point or wish. {@code title} is the organisation's own wording;
     * {@code publicTitle} what the participants read (in the letter and on the follow-up page), the
     * title when left out.
     */
    record CreateAction(String noteId, String title, String owner, LocalDate due, String publicTitle) implements FollowUp {}

    /**
     * Changes an action; fields left out keep their value (a blank public title falls back to the
     * title). {@code noDue} takes the due date away, since a left-out {@code due} keeps it.
     */
    record UpdateAction(String actionId, String title, String owner, LocalDate due, Boolean noDue,
                        ActionStatus status, String publicTitle) implements FollowUp {}

    /** The letter to the participants, as edited: each save is kept as the next version. */
    record SaveLetter(String greeting, String closing, String signature) implements FollowUp {}

    /**
     * Service norms of the series' register that this meeting evaluates: the participants say whether
     * each is met. The norm's text comes from the register.
     */
    sealed interface Norms extends Command {}

    /** A norm of the series' register on the guide of this meeting, to evaluate; put there by the server. */
    record ImportNorm(String normId, String text) implements Norms, FromTheServer {}

    /** A norm taken off the guide again, while it has no verdict. */
    record DropNorm(String normId) implements Norms {}

    /** What the participants said of a norm: met, not met or unclear, with a short note. */
    record EvaluateNorm(String normId, NormVerdict verdict, String note) implements Norms, AfterTheEnd {}

    /** The track around the meeting: its milestones' dates, owners and whether they are done. */
    sealed interface Track extends Command, ByOrganiser, AfterTheEnd {}

    /**
     * A milestone's own date and owner; either left out goes back to the proposed date or the usual
     * owner. The meeting's own date is its scheduled start.
     */
    record PlanMilestone(Milestone milestone, LocalDate due, Milestone.Owner owner) implements Track {}

    /** Marks a milestone done, or not done after all. */
    record MarkMilestone(Milestone milestone, Boolean done) implements Track {}

    /** What the listeners take home, and how the participants found the meeting. */
    sealed interface Debrief extends Command, AfterTheEnd {}

    /**
     * A listener's take-away in one of three slots, from the closing phase until the window after the
     * end closes; blank text takes it away. {@code themeId}: the theme it is about, if any.
     */
    record WriteTakeAway(Integer slot, TakeAwayKind kind, String themeId, String text) implements Debrief, ByListener {}

    /** A listener's answer to "did every participant get room to speak?", 1 (no) to 5 (yes). */
    record RatePerceivedBalance(Integer score) implements Debrief, ByListener {}

    /** How many days after the end listeners may still write take-aways (0 to 30). */
    record SetTakeAwayWindow(Integer days) implements Debrief, ByOrganiser {}

    /** Whether the report has the appendix "what the listeners took home". */
    record IncludeTakeAways(Boolean include) implements Debrief, ByOrganiser {}

    /**
     * A participant's anonymous evaluation: felt heard, enough time, clear information beforehand,
     * would take part again (each 1 to 5, or left open) and a free remark.
     */
    record GiveEvaluation(Integer heard, Integer time, Integer information, Integer again, String remark)
            implements Debrief, ByParticipant {}
}
