package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rejection.Reason.*;

import java.util.List;
import java.util.Optional;

import nl.spiegel.meeting.Meeting.Participant;
import nl.spiegel.meeting.Meeting.Question;
import nl.spiegel.meeting.Meeting.Theme;

/**
 * The checks the deciders share. Each throws {@link Refused}, which {@link MeetingCore#decide}
 * turns into a rejection, so that every check stops a decision in one line.
 */
public final class Rules {

    private Rules() {}

    static Refused refuse(Rejection rejection) {
        return new Refused(rejection);
    }

    static void require(boolean condition, Rejection.Reason reason) {
        if (!condition) {
            throw new Refused(reason.rejection());
        }
    }

    static void requireLive(Meeting m) {
        require(m.phase().live(), WRONG_PHASE);
    }

    static void requirePhase(Meeting m, Phase phase) {
        require(m.phase() == phase, WRONG_PHASE);
    }

    static void requireJoined(Meeting m, Actor actor) {
        require(m.listeners().containsKey(actor.listenerId()), NOT_JOINED);
    }

    static void requireStatus(Question q, QuestionStatus... allowed) {
        for (QuestionStatus status : allowed) {
            if (q.status() == status) {
                return;
            }
        }
        throw new Refused(QUESTION_STATUS.about("questionId"));
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new Refused(Rejection.invalid(field, new Rejection.Detail.Needed()));
        }
        return value;
    }

    static boolean flag(String field, Boolean value) {
        if (value == null) {
            throw new Refused(Rejection.invalid(field, new Rejection.Detail.TrueOrFalse()));
        }
        return value;
    }

    static String text(String field, String value, int min, int max) {
        String stripped = value == null ? "" : value.strip();
        Optional<Rejection> problem = textProblem(field, stripped, min, max);
        if (problem.isPresent()) {
            throw new Refused(problem.get());
        }
        return stripped;
    }

    /**
     * What is wrong with a (stripped) text for a field, if anything: its length, or characters no
     * person types. Public for the texts kept outside a meeting's stream, such as a series.
     */
    public static Optional<Rejection> textProblem(String field, String stripped, int min, int max) {
        if (stripped.length() < min || stripped.length() > max) {
            return Optional.of(Rejection.invalid(field, new Rejection.Detail.Length(min, max)));
        }
        if (stripped.chars().anyMatch(Rules::control)) {
            return Optional.of(Rejection.invalid(field, new Rejection.Detail.ControlCharacters()));
        }
        return Optional.empty();
    }

    /** A control character other than the line breaks and tabs people do type. */
    private static boolean control(int c) {
        return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
    }

    /** Optional text: blank becomes {@code null}. */
    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(field, value, 1, max);
    }

    static int number(String field, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            throw new Refused(Rejection.invalid(field, new Rejection.Detail.Range(min, max)));
        }
        return value;
    }

    static int position(Integer position, int size) {
        return number("position", position, 0, size - 1);
    }

    static Theme theme(Meeting m, String id) {
        return lookup(m.theme(id), UNKNOWN_THEME, "themeId");
    }

    static Participant participant(Meeting m, String id) {
        return lookup(m.participant(id), UNKNOWN_PARTICIPANT, "participantId");
    }

    /** A participant in the circle: the floor and the speaker queue are theirs only. */
    static Participant seated(Meeting m, String id) {
        Participant p = participant(m, id);
        require(p.seated(), NOT_IN_CIRCLE);
        return p;
    }

    static Question question(Meeting m, String id, String field) {
        return lookup(m.question(id), UNKNOWN_QUESTION, field);
    }

    static Meeting.Note note(Meeting m, String id, String field) {
        return lookup(m.note(id), UNKNOWN_NOTE, field);
    }

    static <T> T lookup(Optional<T> found, Rejection.Reason reason, String field) {
        return found.orElseThrow(() -> new Refused(reason.about(field)));
    }

    /** The id number the next new theme, participant, note, question, topic or action gets. */
    static String nextId(Meeting m) {
        return String.valueOf(m.lastId() + 1);
    }

    static int indexOf(List<Theme> guide, String themeId) {
        for (int i = 0; i < guide.size(); i++) {
            if (guide.get(i).id().equals(themeId)) {
                return i;
            }
        }
        return -1;
    }
}
