package nl.spiegel.meeting;

import java.util.List;
import java.util.Objects;

/**
 * Why a command was refused: a stable {@link Reason} for programs, the {@code field} at fault when
 * there is one, and for an invalid value the {@link Detail} of what was wrong with it. The core
 * gives codes and arguments, never sentences: the words, in Dutch and English, are the shell's
 * ({@code nl.spiegel.words.Texts}).
 */
public record Rejection(Reason reason, String field, Detail detail) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
    }

    /** The stable code, as sent to clients. */
    public String code() {
        return reason.name();
    }

    public enum Reason {
        NOT_FOUND, ALREADY_EXISTS, FORBIDDEN, INVALID, WRONG_PHASE, ILLEGAL_TRANSITION, UNKNOWN_PARTICIPANT,
        UNKNOWN_THEME, UNKNOWN_NOTE, UNKNOWN_QUESTION, UNKNOWN_TOPIC, CIRCLE_FULL, SEAT_TAKEN, PSEUDONYM_TAKEN,
        HAS_SPOKEN, THEME_STARTED, GUIDE_FULL, NO_NEXT_THEME, QUEUE_EMPTY, NOT_YOURS, QUESTION_STATUS,
        TOO_MANY_QUESTIONS, TOPICS_CLOSED, NOT_JOINED, JOINING_CLOSED, LISTENERS_FULL, UNKNOWN_ACTION,
        UNKNOWN_LISTENER, QUESTIONS_FULL, TOO_MANY_TOPICS, TOPICS_FULL, NOTES_FULL,
        /** A norm that is not on this meeting's guide, or not in the series' register. */
        UNKNOWN_NORM,
        /** The meeting already evaluates the most norms it may. */
        NORMS_FULL,
        /** A norm with a verdict stays on the guide. */
        NORM_EVALUATED,
        /** The letter has the most versions it keeps. */
        LETTER_FULL,
        /** The meeting has the most places for participants it keeps. */
        PLACES_FULL,
        /** A participant without a seat: a no-show, one who declined, or one waiting in reserve. */
        NOT_IN_CIRCLE,
        /** The time to write this is over (or has not begun). */
        WINDOW_CLOSED,
        /** The meeting has all the evaluations it takes. */
        EVALUATIONS_FULL,
        /** An evaluation without a single answer. */
        EMPTY_ANSWER,
        /** A rehearsal's copy is never counted: no report, no series. */
        PRACTICE,
        /** A follow-up link that was revoked, or a meeting erased without keeping its public part. */
        GONE,
        // Refused by the shell before a command reaches the core.
        /** No valid key for what the request asks. */
        UNAUTHORIZED,
        /** A finalised version of the report that does not exist. */
        UNKNOWN_VERSION,
        /** A key role that does not exist (the path of a rotation). */
        UNKNOWN_ROLE,
        /** A join code that opens no meeting. */
        UNKNOWN_CODE,
        /** Something was made with this Idempotency-Key already; its keys went to the first answer. */
        ALREADY_CREATED,
        /** Over a client address's allowance; the detail says when to try again. */
        TOO_MANY_REQUESTS,
        /** Too many wrong join codes, from this address or from all; the detail says when to try again. */
        TOO_MANY_GUESSES;

        public Rejection rejection() {
            return new Rejection(this, null, null);
        }

        public Rejection about(String field) {
            return new Rejection(this, field, null);
        }
    }

    /** What was wrong with an invalid value, with what a message about it needs. */
    public sealed interface Detail {
        /** A text must be {@code min} to {@code max} characters long. */
        record Length(int min, int max) implements Detail {}

        /** A whole number from {@code min} to {@code max}. */
        record Range(int min, int max) implements Detail {}

        record Needed() implements Detail {}

        record TrueOrFalse() implements Detail {}

        /** One of these values. */
        record OneOf(List<String> values) implements Detail {}

        /** The participant is not in the speaker queue. */
        record NotQueued() implements Detail {}

        /** A question cannot be merged into itself. */
        record NotItself() implements Detail {}

        /** A list may hold at most {@code max} items. */
        record AtMost(int max) implements Detail {}

        /** Only an improvement point becomes an action. */
        record NotActionable() implements Detail {}

        /** Text with invisible control characters (such as U+0000), which no person types. */
        record ControlCharacters() implements Detail {}

        /** A key that is not a moderator's, where only a moderator's opens the way. */
        record NotAModeratorKey() implements Detail {}

        /** A request that needs a JSON body came without one. */
        record BodyNeeded() implements Detail {}

        /** To erase a meeting, its title must be repeated exactly. */
        record RepeatTitle() implements Detail {}

        /** A web address that starts with https:// and names a host. */
        record WebAddress() implements Detail {}

        /**
         * A value that looks like an e-mail address or a phone number: Spiegel keeps no contact data
         * of participants.
         */
        record ContactData() implements Detail {}

        /** A value that is in the list already. */
        record Unique() implements Detail {}

        /** Numbers that must add up to {@code total}. */
        record AddsUpTo(int total) implements Detail {}

        /** Rows of an imported file that cannot be read, each named; nothing of the file was taken. */
        record BadRows(List<BadRow> rows) implements Detail {}

        /** The meeting's own date is its scheduled start, set with its facts. */
        record TheMeetingsDate() implements Detail {}

        /** A new date, or the date taken away: not both at once. */
        record DateOrNone() implements Detail {}

        /** Over a limit for now: try again after {@code seconds}. */
        record TryAgainIn(long seconds) implements Detail {}
    }

    /** What is wrong with one row of an imported file (counted from 1, the header too). */
    public record BadRow(int row, RowProblem problem, @Nullable String column, @Nullable String value) {}

    public enum RowProblem {
        /** Not the columns the file must have. */
        COLUMNS,
        /** A theme that is not in the guide. */
        UNKNOWN_THEME,
        /** The theme came in an earlier row already. */
        DUPLICATE,
        /** A value that is no number. */
        NOT_A_NUMBER,
        /** A number out of its range: a score from 0 to 100, at least one respondent. */
        OUT_OF_RANGE
    }

    /** A field whose value is missing or out of bounds. */
    public static Rejection invalid(String field, Detail detail) {
        return new Rejection(Reason.INVALID, field, detail);
    }

    /** This rejection thrown, for where it is found deep in a call. */
    public Refused refused() {
        return new Refused(this);
    }
}
