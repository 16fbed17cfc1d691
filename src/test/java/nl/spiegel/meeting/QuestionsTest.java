package nl.spiegel.meeting;

import static nl.spiegel.meeting.Script.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

class QuestionsTest {

    @Test
    void aListenerAsksAtAnyTimeAndOnlyModeratorsSeeItUntilTheClarifyingPhase() {
        Script s = Script.inConversation();
        s.ok(ANNA, new SubmitQuestion("Wat bedoelde u met 'de lijst'?", s.participant("Bram"), s.theme(0)));
        String q = s.lastQuestion();
        Meeting.Question question = s.state.question(q).orElseThrow();
        assertThat(question.status()).isEqualTo(QuestionStatus.WAITING);
        assertThat(question.participantId()).isEqualTo(s.participant("Bram"));
        assertThat(Views.moderator(s.state, s.now).questions()).extracting(Views.QuestionView::id).containsExactly(q);
        assertThat(Views.listener(s.state, BEN.listenerId(), s.now).questionQueue()).isEmpty();
        assertThat(Views.listener(s.state, ANNA.listenerId(), s.now).myQuestions()).extracting(Views.OwnQuestion::id)
                .containsExactly(q);

        s.ok(MOD, new AcceptQuestion(q));
        assertThat(Views.listener(s.state, BEN.listenerId(), s.now).questionQueue()).isEmpty();
        assertThat(Views.display(s.state, s.now).questionQueue()).isEmpty();
        s.phase(Phase.CLARIFYING);
        assertThat(Views.listener(s.state, BEN.listenerId(), s.now).questionQueue()).extracting(Views.QueuedQuestion::id)
                .containsExactly(q);
        assertThat(Views.display(s.state, s.now).questionQueue()).hasSize(1);
    }

    @Test
    void refusesBadQuestions() {
        Script s = Script.prepared();
        s.no(ANNA, new SubmitQuestion("Te vroeg?", null, null), "WRONG_PHASE");
        s.phase(Phase.LOBBY);
        assertThat(s.no(ANNA, new SubmitQuestion(" ", null, null), "INVALID").field()).isEqualTo("text");
        s.no(ANNA, new SubmitQuestion("x".repeat(501), null, null), "INVALID");
        s.ok(ANNA, new SubmitQuestion("x".repeat(500), null, null));
        s.no(ANNA, new SubmitQuestion("Vraag", "P999", null), "UNKNOWN_PARTICIPANT");
        s.no(ANNA, new SubmitQuestion("Vraag", null, "T999"), "UNKNOWN_THEME");
        s.no(Actor.listener("L-stranger"), new SubmitQuestion("Vraag", null, null), "NOT_JOINED");
    }

    @Test
    void aListenerCannotFloodTheQueue() {
        Script s = Script.inConversation();
        for (int i = 0; i < MeetingCore.MAX_WAITING_QUESTIONS_PER_LISTENER; i++) {
            s.ok(ANNA, new SubmitQuestion("Vraag " + i, null, null));
        }
        s.no(ANNA, new SubmitQuestion("Nog één", null, null), "TOO_MANY_QUESTIONS");
        s.ok(BEN, new SubmitQuestion("Mijn vraag", null, null));
        s.ok(MOD, new AcceptQuestion(s.state.questions().getFirst().id()));
        s.ok(ANNA, new SubmitQuestion("Nu wel", null, null));
    }

    @Test
    void screening() {
        Script s = Script.inConversation();
        s.ok(ANNA, new SubmitQuestion("Vraag A", null, null));
        String a = s.lastQuestion();
        s.ok(BEN, new SubmitQuestion("Vraag B", null, null));
        String b = s.lastQuestion();
        s.ok(BEN, new SubmitQuestion("Vraag C, zelfde als A", null, null));
        String c = s.lastQuestion();
        s.ok(ANNA, new SubmitQuestion("Waarom doet u dat zo?", null, null));
        String d = s.lastQuestion();

        assertThat(s.ok(MOD, new MergeQuestion(c, a))).containsExactly(new QuestionAccepted(a), new QuestionMerged(c, a));
        s.ok(MOD, new AcceptQuestion(b));
        assertThat(s.ok(MOD, new AcceptQuestion(b))).isEmpty();
        s.ok(MOD, new RejectQuestion(d, RejectReason.STARTS_DISCUSSION));
        assertThat(s.state.questionQueue()).containsExactly(a, b);
        s.ok(MOD, new MoveQuestion(b, 0));
        assertThat(s.state.questionQueue()).containsExactly(b, a);

        Views.ListenerView anna = Views.listener(s.state, ANNA.listenerId(), s.now);
        assertThat(anna.myQuestions()).extracting(Views.OwnQuestion::id, Views.OwnQuestion::status, Views.OwnQuestion::rejectReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a, QuestionStatus.ACCEPTED, null),
                        org.assertj.core.groups.Tuple.tuple(d, QuestionStatus.REJECTED, RejectReason.STARTS_DISCUSSION));
        assertThat(Views.listener(s.state, BEN.listenerId(), s.now).myQuestions())
                .filteredOn(q -> q.id().equals(c)).singleElement()
                .extracting(Views.OwnQuestion::status, Views.OwnQuestion::mergedInto).containsExactly(QuestionStatus.MERGED, a);

        s.no(MOD, new AskQuestion(a), "WRONG_PHASE");
        s.phase(Phase.CLARIFYING);
        s.ok(MOD, new AskQuestion(b));
        assertThat(s.ok(MOD, new AskQuestion(b))).isEmpty();
        assertThat(s.ok(MOD, new AskQuestion(a))).containsExactly(new QuestionAnswered(b), new QuestionAsked(a));
        s.ok(MOD, new MarkAnswered(a));
        assertThat(s.state.questions()).extracting(Meeting.Question::status).containsExactly(
                QuestionStatus.ANSWERED, QuestionStatus.ANSWERED, QuestionStatus.MERGED, QuestionStatus.REJECTED);
        assertThat(Views.listener(s.state, BEN.listenerId(), s.now).questionQueue()).extracting(Views.QueuedQuestion::id)
                .containsExactly(b, a);
    }

    @Test
    void refusesScreeningThatDoesNotFit() {
        Script s = Script.inConversation();
        s.ok(ANNA, new SubmitQuestion("Vraag A", null, null));
        String a = s.lastQuestion();
        s.ok(BEN, new SubmitQuestion("Vraag B", null, null));
        String b = s.lastQuestion();
        s.no(MOD, new AcceptQuestion("Q999"), "UNKNOWN_QUESTION");
        assertThat(s.no(MOD, new MergeQuestion(a, "Q999"), "UNKNOWN_QUESTION").field()).isEqualTo("intoQuestionId");
        assertThat(s.no(MOD, new MergeQuestion(a, a), "INVALID").field()).isEqualTo("intoQuestionId");
        assertThat(s.no(MOD, new RejectQuestion(a, null), "INVALID").field()).isEqualTo("reason");
        s.no(MOD, new MoveQuestion(a, 0), "QUESTION_STATUS");
        s.ok(MOD, new RejectQuestion(b, RejectReason.NEW_TOPIC));
        s.no(MOD, new MergeQuestion(a, b), "QUESTION_STATUS");
        s.no(MOD, new RejectQuestion(b, RejectReason.TOO_PERSONAL), "QUESTION_STATUS");
        s.ok(MOD, new AcceptQuestion(b));
        assertThat(s.state.question(b).orElseThrow().rejectReason()).isNull();
        s.ok(MOD, new AcceptQuestion(a));
        assertThat(s.no(MOD, new MoveQuestion(a, 2), "INVALID").field()).isEqualTo("position");
        s.phase(Phase.CLARIFYING);
        s.ok(MOD, new MarkAnswered(a));
        s.no(MOD, new AskQuestion(a), "QUESTION_STATUS");
        s.no(MOD, new MarkAnswered(a), "QUESTION_STATUS");
        s.no(MOD, new MergeQuestion(a, b), "QUESTION_STATUS");
        s.phase(Phase.CLOSING, Phase.ENDED);
        s.no(MOD, new MarkAnswered(b), "WRONG_PHASE");
    }

    @Test
    void aListenerWithdrawsOnlyTheirOwnOpenQuestion() {
        Script s = Script.inConversation();
        s.ok(ANNA, new SubmitQuestion("Vraag A", null, null));
        String a = s.lastQuestion();
        s.no(BEN, new WithdrawQuestion(a), "NOT_YOURS");
        s.ok(MOD, new AcceptQuestion(a));
        s.ok(ANNA, new WithdrawQuestion(a));
        assertThat(s.state.questionQueue()).isEmpty();
        s.no(ANNA, new WithdrawQuestion(a), "QUESTION_STATUS");
    }

    @Test
    void questionsMergedIntoAMergedQuestionFollowIt() {
        Script s = Script.inConversation();
        s.ok(ANNA, new SubmitQuestion("A", null, null));
        String a = s.lastQuestion();
        s.ok(BEN, new SubmitQuestion("B", null, null));
        String b = s.lastQuestion();
        s.ok(BEN, new SubmitQuestion("C", null, null));
        String c = s.lastQuestion();
        s.ok(MOD, new MergeQuestion(c, b));
        s.ok(MOD, new MergeQuestion(b, a));
        assertThat(s.state.question(c).orElseThrow().mergedInto()).isEqualTo(a);
        assertThat(s.state.questionQueue()).containsExactly(a);
    }

    @Test
    void aQuestionAcceptedDuringClarifyingIsReleasedAtOnce() {
        Script s = Script.inConversation();
        s.phase(Phase.CLARIFYING);
        s.ok(ANNA, new SubmitQuestion("Late vraag", null, null));
        String q = s.lastQuestion();
        assertThat(Views.listener(s.state, BEN.listenerId(), s.now).questionQueue()).isEmpty();
        s.ok(MOD, new AcceptQuestion(q));
        assertThat(Views.listener(s.state, BEN.listenerId(), s.now).questionQueue()).hasSize(1);
    }
}
