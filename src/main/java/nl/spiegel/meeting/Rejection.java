package nl.spiegel.meeting;

import java.util.List;
import java.util.Objects;

/**
 * Why a command was refused: a stable {@link Reason} for programs, the {@code field} at fault when
 * there is one, and for an invalid value the {@link Detail} of what was wrong with it. The core
 * gives codes and arguments, never sentences: the words, in Dutch and English, are the shell's
 * ({@code nl.spiegel.web.Texts}).
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
        UNKNOWN_LISTENER, QUESTIONS_FULL, TOO_MANY_TOPICS, TOPICS_FULL, NOTES_FULL;

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
    }

    /** A field whose value is missing or out of bounds. */
    public static Rejection invalid(String field, Detail detail) {
        return new Rejection(Reason.INVALID, field, detail);
    }
}
