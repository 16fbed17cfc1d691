package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rejection.Reason.*;
import static nl.spiegel.meeting.Rules.*;

import java.util.ArrayList;
import java.util.List;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;
import nl.spiegel.meeting.Meeting.Question;

/**
 * Decides the question queue: listeners hand in and withdraw clarifying questions; the moderator
 * screens them (accept, merge, reject), orders the queue and marks which one is being asked.
 */
final class QuestionsDecider {

    private QuestionsDecider() {}

    static final int MAX_QUESTION_LENGTH = 500;

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

    static List<Event> decide(Meeting m, Actor actor, Command.Questions command) {
        return switch (command) {
            case SubmitQuestion c -> {
                requireJoined(m, actor);
                require(open(m), WRONG_PHASE);
                String text = text("text", c.text(), 1, MAX_QUESTION_LENGTH);
                String participantId = c.participantId() == null ? null : participant(m, c.participantId()).id();
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
}
