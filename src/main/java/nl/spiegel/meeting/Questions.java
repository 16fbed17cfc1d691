package nl.spiegel.meeting;

import static nl.spiegel.meeting.Lists.*;
import static nl.spiegel.meeting.Rejection.Reason.*;
import static nl.spiegel.meeting.Rules.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import nl.spiegel.meeting.Command.AcceptQuestion;
import nl.spiegel.meeting.Command.AskQuestion;
import nl.spiegel.meeting.Command.MarkAnswered;
import nl.spiegel.meeting.Command.MergeQuestion;
import nl.spiegel.meeting.Command.MoveQuestion;
import nl.spiegel.meeting.Command.NextQuestion;
import nl.spiegel.meeting.Command.RejectQuestion;
import nl.spiegel.meeting.Command.RecordAnswer;
import nl.spiegel.meeting.Command.RestoreQuestion;
import nl.spiegel.meeting.Command.SubmitQuestion;
import nl.spiegel.meeting.Command.WithdrawQuestion;
import nl.spiegel.meeting.Event.AnswerRecorded;
import nl.spiegel.meeting.Event.QuestionAccepted;
import nl.spiegel.meeting.Event.QuestionAnswered;
import nl.spiegel.meeting.Event.QuestionAsked;
import nl.spiegel.meeting.Event.QuestionMerged;
import nl.spiegel.meeting.Event.QuestionMoved;
import nl.spiegel.meeting.Event.QuestionRejected;
import nl.spiegel.meeting.Event.QuestionRestored;
import nl.spiegel.meeting.Event.QuestionSubmitted;
import nl.spiegel.meeting.Event.QuestionWithdrawn;
import nl.spiegel.meeting.Meeting.Question;

/**
 * The question queue: listeners hand in and withdraw clarifying questions; the moderator screens
 * them (accept, merge, reject), orders the accepted ones ({@code queue}, by id) and marks which one
 * is being asked.
 */
public record Questions(List<Question> questions, List<String> queue) {

    static final Questions EMPTY = new Questions(List.of(), List.of());

    static final int MAX_QUESTION_LENGTH = 500;
    /** An answer is noted in a few sentences, not written out. */
    static final int MAX_ANSWER_LENGTH = 2000;

    /** Listeners hand in questions from the lobby until the meeting ends. */
    static boolean open(Meeting m) {
        return m.phase() != Phase.PREPARATION && m.phase() != Phase.ENDED;
    }

    static boolean canAsk(Meeting m, Meeting.Question q) {
        return m.phase() == Phase.CLARIFYING && q.status() == QuestionStatus.ACCEPTED;
    }

    static boolean canMarkAnswered(Meeting m, Meeting.Question q) {
        return (m.phase() == Phase.CLARIFYING || m.phase() == Phase.CLOSING)
                && (q.status() == QuestionStatus.ASKING || q.status() == QuestionStatus.ACCEPTED);
    }

    /** An answer is noted for a question in the queue: accepted, being asked, or answered. */
    static boolean canRecordAnswer(Question q) {
        return q.status() == QuestionStatus.ACCEPTED || q.status() == QuestionStatus.ASKING || q.status() == QuestionStatus.ANSWERED;
    }

    static List<Event> decide(Meeting m, Actor actor, Command.Questions command) {
        return switch (command) {
            case SubmitQuestion c -> {
                requireJoined(m, actor);
                require(open(m), WRONG_PHASE);
                String text = text("text", c.text(), 1, MAX_QUESTION_LENGTH);
                String participantId = c.participantId() == null ? null : seated(m, c.participantId()).id();
                String themeId = c.themeId() == null ? null : theme(m, c.themeId()).id();
                long waiting = m.questions().stream().filter(q -> q.listenerId().equals(actor.listenerId())
                        && q.status() == QuestionStatus.WAITING).count();
                require(waiting < Meeting.MAX_WAITING_QUESTIONS, TOO_MANY_QUESTIONS);
                require(m.questions().size() < Meeting.MAX_QUESTIONS && m.questions().stream()
                        .filter(q -> q.status() == QuestionStatus.WAITING).count() < Meeting.MAX_WAITING_IN_MEETING, QUESTIONS_FULL);
                yield List.of(new QuestionSubmitted("Q" + nextId(m), actor.listenerId(), text, participantId, themeId));
            }
            case WithdrawQuestion c -> {
                Question q = question(m, c.questionId(), "questionId");
                require(q.listenerId().equals(actor.listenerId()), NOT_YOURS);
                requireStatus(q, QuestionStatus.WITHDRAWABLE);
                yield List.of(new QuestionWithdrawn(q.id()));
            }
            case AcceptQuestion c -> {
                Question q = question(m, c.questionId(), "questionId");
                if (q.status() == QuestionStatus.ACCEPTED) {
                    yield List.of();
                }
                requireStatus(q, QuestionStatus.WAITING, QuestionStatus.REJECTED);
                yield List.of(new QuestionAccepted(q.id()));
            }
            case MergeQuestion c -> {
                Question q = question(m, c.questionId(), "questionId");
                Question into = question(m, c.intoQuestionId(), "intoQuestionId");
                if (q.id().equals(into.id())) {
                    throw refuse(Rejection.invalid("intoQuestionId", new Rejection.Detail.NotItself()));
                }
                requireStatus(q, QuestionStatus.WAITING, QuestionStatus.ACCEPTED);
                if (into.status() != QuestionStatus.WAITING && !into.status().inQueue()) {
                    throw refuse(QUESTION_STATUS.about("intoQuestionId"));
                }
                yield into.status() == QuestionStatus.WAITING
                        ? List.of(new QuestionAccepted(into.id()), new QuestionMerged(q.id(), into.id()))
                        : List.of(new QuestionMerged(q.id(), into.id()));
            }
            case RejectQuestion c -> {
                Question q = question(m, c.questionId(), "questionId");
                RejectReason reason = present("reason", c.reason());
                requireStatus(q, QuestionStatus.WAITING, QuestionStatus.ACCEPTED);
                yield List.of(new QuestionRejected(q.id(), reason));
            }
            case MoveQuestion c -> {
                Question q = question(m, c.questionId(), "questionId");
                require(m.questionQueue().contains(q.id()), QUESTION_STATUS);
                yield List.of(new QuestionMoved(q.id(), position(c.position(), m.questionQueue().size())));
            }
            case AskQuestion c -> {
                requirePhase(m, Phase.CLARIFYING);
                Question q = question(m, c.questionId(), "questionId");
                if (q.status() == QuestionStatus.ASKING) {
                    yield List.of();
                }
                if (!canAsk(m, q)) {
                    throw refuse(QUESTION_STATUS.about("questionId"));
                }
                List<Event> events = new ArrayList<>();
                m.questions().stream().filter(o -> o.status() == QuestionStatus.ASKING)
                        .forEach(o -> events.add(new QuestionAnswered(o.id())));
                events.add(new QuestionAsked(q.id()));
                yield events;
            }
            case MarkAnswered c -> {
                require(m.phase() == Phase.CLARIFYING || m.phase() == Phase.CLOSING, WRONG_PHASE);
                Question q = question(m, c.questionId(), "questionId");
                requireStatus(q, QuestionStatus.ASKING, QuestionStatus.ACCEPTED);
                yield List.of(new QuestionAnswered(q.id()));
            }
            case NextQuestion c -> {
                requirePhase(m, Phase.CLARIFYING);
                List<Event> events = new ArrayList<>();
                m.questions().stream().filter(o -> o.status() == QuestionStatus.ASKING)
                        .forEach(o -> events.add(new QuestionAnswered(o.id())));
                m.questionQueue().stream().map(id -> m.question(id).orElseThrow())
                        .filter(o -> o.status() == QuestionStatus.ACCEPTED).findFirst()
                        .ifPresent(o -> events.add(new QuestionAsked(o.id())));
                require(!events.isEmpty(), QUEUE_EMPTY);
                yield events;
            }
            case RecordAnswer c -> {
                Question q = question(m, c.questionId(), "questionId");
                if (!canRecordAnswer(q)) {
                    throw refuse(QUESTION_STATUS.about("questionId"));
                }
                String answer = optional("answer", c.answer(), MAX_ANSWER_LENGTH);
                yield Objects.equals(answer, q.answer()) ? List.of() : List.of(new AnswerRecorded(q.id(), answer));
            }
            case RestoreQuestion c -> {
                Question q = question(m, c.questionId(), "questionId");
                if (q.status() == QuestionStatus.WAITING) {
                    yield List.of();
                }
                requireStatus(q, QuestionStatus.MERGED, QuestionStatus.REJECTED);
                yield List.of(new QuestionRestored(q.id()));
            }
        };
    }

    static Meeting evolve(Meeting m, Event.Questions event, Instant at) {
        Questions q = m.clarifying();
        return switch (event) {
            case QuestionSubmitted e -> m.with(new Questions(added(q.questions(), new Question(e.questionId(),
                    e.listenerId(), e.text(), e.participantId(), e.themeId(), QuestionStatus.WAITING, null, null, false, at, null)),
                    q.queue()));
            case QuestionWithdrawn e -> m.with(q.status(m, e.questionId(), QuestionStatus.WITHDRAWN));
            case QuestionAccepted e -> {
                Questions accepted = q.status(m, e.questionId(), QuestionStatus.ACCEPTED);
                yield m.with(new Questions(accepted.questions(), added(accepted.queue(), e.questionId())));
            }
            case QuestionMerged e -> {
                Questions merged = q.status(m, e.questionId(), QuestionStatus.MERGED);
                // Questions merged into this one follow it into the other.
                yield m.with(new Questions(replaced(merged.questions(),
                        o -> e.questionId().equals(o.mergedInto()) || o.id().equals(e.questionId()),
                        o -> new Question(o.id(), o.listenerId(), o.text(), o.participantId(), o.themeId(), o.status(),
                                null, e.intoQuestionId(), o.released(), o.submittedAt(), o.answer())), merged.queue()));
            }
            case QuestionRejected e -> {
                Questions rejected = q.status(m, e.questionId(), QuestionStatus.REJECTED);
                yield m.with(new Questions(replaced(rejected.questions(), o -> o.id().equals(e.questionId()),
                        o -> new Question(o.id(), o.listenerId(), o.text(), o.participantId(), o.themeId(), o.status(),
                                e.reason(), null, o.released(), o.submittedAt(), o.answer())), rejected.queue()));
            }
            case QuestionMoved e -> m.with(new Questions(q.questions(), moved(q.queue(), e.questionId()::equals, e.position())));
            case QuestionAsked e -> m.with(q.status(m, e.questionId(), QuestionStatus.ASKING));
            case QuestionAnswered e -> m.with(q.status(m, e.questionId(), QuestionStatus.ANSWERED));
            case QuestionRestored e -> m.with(q.status(m, e.questionId(), QuestionStatus.WAITING));
            case AnswerRecorded e -> m.with(new Questions(replaced(q.questions(), o -> o.id().equals(e.questionId()),
                    o -> new Question(o.id(), o.listenerId(), o.text(), o.participantId(), o.themeId(), o.status(),
                            o.rejectReason(), o.mergedInto(), o.released(), o.submittedAt(), e.answer())), q.queue()));
        };
    }

    /** A question in a new status; once questions are released, one that enters the queue is released too. */
    private Questions status(Meeting m, String questionId, QuestionStatus status) {
        boolean released = m.phase().questionsReleased();
        List<Question> changed = replaced(questions, o -> o.id().equals(questionId),
                o -> withStatus(o, status, o.released() || (released && status.inQueue())));
        return new Questions(changed, status.inQueue() ? queue : removed(queue, questionId::equals));
    }

    /** Accepted questions become visible to every listener. */
    Questions released() {
        return new Questions(replaced(questions, q -> q.status().inQueue() && !q.released(),
                q -> withStatus(q, q.status(), true)), queue);
    }

    /** Without the questions of {@code listenerId} still waiting to be screened. */
    Questions withoutWaitingOf(String listenerId) {
        return new Questions(removed(questions, q -> q.listenerId().equals(listenerId) && q.status() == QuestionStatus.WAITING),
                queue);
    }

    private static Question withStatus(Question q, QuestionStatus status, boolean released) {
        return new Question(q.id(), q.listenerId(), q.text(), q.participantId(), q.themeId(), status,
                status == QuestionStatus.REJECTED ? q.rejectReason() : null,
                status == QuestionStatus.MERGED ? q.mergedInto() : null, released, q.submittedAt(), q.answer());
    }
}
