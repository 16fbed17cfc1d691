package nl.spiegel.words;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.spiegel.meeting.FollowUp;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Norms;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Rejection.Detail;
import nl.spiegel.meeting.Recruitment;
import nl.spiegel.meeting.Milestone;
import nl.spiegel.meeting.Debrief;

/** The words for a rejection of the core: its reason, or for an invalid value what was wrong with it. */
public final class Wording {

    private Wording() {}

    /** The texts in a language: "en", or Dutch for anything else. */
    public static Texts in(String language) {
        return MessageBundles.get(Texts.class, Localized.Literal.of("en".equals(language) ? "en" : "nl"));
    }

    /** A milestone of the track by name. */
    public static String of(Texts t, Milestone milestone) {
        return switch (milestone) {
            case GOAL_SET -> t.milestoneGoalSet();
            case GUIDE_READY -> t.milestoneGuideReady();
            case RECRUITING_STARTED -> t.milestoneRecruitingStarted();
            case PARTICIPANTS_INFORMED -> t.milestoneParticipantsInformed();
            case LISTENERS_INVITED -> t.milestoneListenersInvited();
            case MEETING -> t.milestoneMeeting();
            case REPORT_DRAFT -> t.milestoneReportDraft();
            case REPORT_PUBLISHED -> t.milestoneReportPublished();
            case FOLLOW_UP_CHECK -> t.milestoneFollowUpCheck();
            case LETTER_SENT -> t.milestoneLetterSent();
        };
    }

    /** What is wrong with one row of an imported file. */
    public static String of(Texts t, Rejection.BadRow row) {
        return switch (row.problem()) {
            case COLUMNS -> t.rowColumns(row.row());
            case UNKNOWN_THEME -> t.rowUnknownTheme(row.row(), row.value());
            case DUPLICATE -> t.rowDuplicate(row.row(), row.value());
            case NOT_A_NUMBER -> t.rowNotANumber(row.row(), row.column(), row.value());
            case OUT_OF_RANGE -> t.rowOutOfRange(row.row(), row.column(), row.value());
        };
    }

    public static String of(Texts t, Rejection r) {
        if (r.detail() != null) {
            return detail(t, r.reason(), r.field(), r.detail());
        }
        return switch (r.reason()) {
            case NOT_FOUND -> t.notFound();
            case ALREADY_EXISTS -> t.alreadyExists();
            case FORBIDDEN -> t.forbidden();
            case INVALID -> t.invalid();
            case WRONG_PHASE -> t.wrongPhase();
            case ILLEGAL_TRANSITION -> t.illegalTransition();
            case UNKNOWN_PARTICIPANT -> t.unknownParticipant();
            case UNKNOWN_THEME -> t.unknownTheme();
            case UNKNOWN_NOTE -> t.unknownNote();
            case UNKNOWN_QUESTION -> t.unknownQuestion();
            case UNKNOWN_TOPIC -> t.unknownTopic();
            case CIRCLE_FULL -> t.circleFull(Meeting.MAX_PARTICIPANTS);
            case SEAT_TAKEN -> t.seatTaken();
            case PSEUDONYM_TAKEN -> t.pseudonymTaken();
            case HAS_SPOKEN -> t.hasSpoken();
            case THEME_STARTED -> t.themeStarted();
            case GUIDE_FULL -> t.guideFull(Meeting.MAX_THEMES);
            case NO_NEXT_THEME -> t.noNextTheme();
            case QUEUE_EMPTY -> t.queueEmpty();
            case NOT_YOURS -> t.notYours();
            case QUESTION_STATUS -> t.questionStatus();
            case TOO_MANY_QUESTIONS -> t.tooManyQuestions(Meeting.MAX_WAITING_QUESTIONS);
            case TOPICS_CLOSED -> t.topicsClosed();
            case NOT_JOINED -> t.notJoined();
            case JOINING_CLOSED -> t.joiningClosed();
            case LISTENERS_FULL -> t.listenersFull();
            case UNKNOWN_ACTION -> t.unknownAction();
            case UNKNOWN_LISTENER -> t.unknownListener();
            case QUESTIONS_FULL -> t.questionsFull(Meeting.MAX_WAITING_IN_MEETING, Meeting.MAX_QUESTIONS);
            case TOO_MANY_TOPICS -> t.tooManyTopics(Meeting.MAX_TOPICS_PER_LISTENER);
            case TOPICS_FULL -> t.topicsFull(Meeting.MAX_TOPICS);
            case NOTES_FULL -> t.notesFull(Meeting.MAX_NOTES);
            case UNKNOWN_NORM -> t.unknownNorm();
            case NORMS_FULL -> t.normsFull(Norms.MAX_NORMS);
            case NORM_EVALUATED -> t.normEvaluated();
            case LETTER_FULL -> t.letterFull(FollowUp.MAX_LETTERS);
            case PLACES_FULL -> t.placesFull(Recruitment.MAX_PLACES);
            case NOT_IN_CIRCLE -> t.notInCircle();
            case PRACTICE -> t.practice();
            case WINDOW_CLOSED -> t.windowClosed();
            case EVALUATIONS_FULL -> t.evaluationsFull(Debrief.MAX_EVALUATIONS);
            case EMPTY_ANSWER -> t.emptyAnswer();
            case GONE -> t.gone();
            case UNAUTHORIZED -> t.unauthorized();
            case UNKNOWN_VERSION -> t.noSuchVersion();
            case UNKNOWN_ROLE -> t.invalid();
            case UNKNOWN_CODE -> t.unknownCode();
            case ALREADY_CREATED -> t.alreadyCreated();
            case TOO_MANY_REQUESTS -> t.tooManyRequests(0);
            case TOO_MANY_GUESSES -> t.tooManyGuesses(0);
        };
    }

    private static String detail(Texts t, Rejection.Reason reason, String field, Detail detail) {
        return switch (detail) {
            case Detail.Length d -> t.length(field, d.min(), d.max());
            case Detail.Range d -> t.range(field, d.min(), d.max());
            case Detail.Needed d -> t.needed(field);
            case Detail.TrueOrFalse d -> t.trueOrFalse(field);
            case Detail.OneOf d -> t.oneOf(field, String.join(", ", d.values()));
            case Detail.NotQueued d -> t.notQueued(field);
            case Detail.NotItself d -> t.notItself(field);
            case Detail.AtMost d -> t.atMost(field, d.max());
            case Detail.NotActionable d -> t.notActionable(field);
            case Detail.ControlCharacters d -> t.controlCharacters(field);
            case Detail.WebAddress d -> t.webAddress(field);
            case Detail.ContactData d -> t.contactData(field);
            case Detail.TheMeetingsDate d -> t.theMeetingsDate(field);
            case Detail.DateOrNone d -> t.dateOrNone(field);
            case Detail.BadRows d -> t.badRows(String.join(" ", d.rows().stream().map(row -> of(t, row)).toList()));
            case Detail.Unique d -> t.unique(field);
            case Detail.AddsUpTo d -> t.addsUpTo(field, d.total());
            case Detail.BodyNeeded d -> t.bodyNeeded();
            case Detail.NotAModeratorKey d -> t.notAModeratorKey();
            case Detail.RepeatTitle d -> t.repeatTitle();
            case Detail.TryAgainIn d -> reason == Rejection.Reason.TOO_MANY_GUESSES
                    ? t.tooManyGuesses(d.seconds()) : t.tooManyRequests(d.seconds());
        };
    }
}
