package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

class QuestionsTest {

    // The questions handed in below, in order.
    private static final String A = "Q" + NEXT;
    private static final String B = "Q" + (NEXT + 1);
    private static final String C = "Q" + (NEXT + 2);
    private static final String D = "Q" + (NEXT + 3);

    private static Spec fourQuestions() {
        return given(inConversation()).and(
                new QuestionSubmitted(A, ANNA.listenerId(), "Vraag A", null, null),
                new QuestionSubmitted(B, BEN.listenerId(), "Vraag B", null, null),
                new QuestionSubmitted(C, BEN.listenerId(), "Vraag C, zelfde als A", null, null),
                new QuestionSubmitted(D, ANNA.listenerId(), "Waarom doet u dat zo?", null, null));
    }

    @Test
    void aListenerAsksAtAnyTimeAndOnlyModeratorsSeeItUntilTheClarifyingPhase() {
        Spec s = given(inConversation())
                .when(ANNA, new SubmitQuestion(" Wat bedoelde u met 'de lijst'? ", BRAM, TOEGANG))
                .then(new QuestionSubmitted(A, ANNA.listenerId(), "Wat bedoelde u met 'de lijst'?", BRAM, TOEGANG));
        assertThat(Views.moderator(s.state(), s.now()).questions()).extracting(Views.QuestionView::id).containsExactly(A);
        assertThat(Views.listener(s.state(), BEN.listenerId(), s.now()).questionQueue()).isEmpty();
        assertThat(Views.listener(s.state(), ANNA.listenerId(), s.now()).myQuestions()).extracting(Views.OwnQuestion::id)
                .containsExactly(A);

        s.when(MOD, new AcceptQuestion(A)).then(new QuestionAccepted(A));
        assertThat(Views.listener(s.state(), BEN.listenerId(), s.now()).questionQueue()).isEmpty();
        assertThat(Views.display(s.state(), s.now()).questionQueue()).isEmpty();
        s.when(MOD, new ChangePhase(Phase.CLARIFYING)).then(new PhaseChanged(Phase.CONVERSATION, Phase.CLARIFYING));
        assertThat(Views.listener(s.state(), BEN.listenerId(), s.now()).questionQueue()).extracting(Views.QueuedQuestion::id)
                .containsExactly(A);
        assertThat(Views.display(s.state(), s.now()).questionQueue()).hasSize(1);
    }

    @Test
    void refusesBadQuestions() {
        Spec s = given(prepared());
        s.when(ANNA, new SubmitQuestion("Te vroeg?", null, null)).thenRejected("WRONG_PHASE");
        s.and(phases(Phase.PREPARATION, Phase.LOBBY));
        assertThat(s.when(ANNA, new SubmitQuestion(" ", null, null)).thenRejected("INVALID").field()).isEqualTo("text");
        s.when(ANNA, new SubmitQuestion("x".repeat(501), null, null)).thenRejected("INVALID");
        s.when(ANNA, new SubmitQuestion("Vraag", "P999", null)).thenRejected("UNKNOWN_PARTICIPANT");
        s.when(ANNA, new SubmitQuestion("Vraag", null, "T999")).thenRejected("UNKNOWN_THEME");
        s.when(Actor.listener("L-stranger"), new SubmitQuestion("Vraag", null, null)).thenRejected("NOT_JOINED");
        s.when(ANNA, new SubmitQuestion("x".repeat(500), null, null))
                .then(new QuestionSubmitted(A, ANNA.listenerId(), "x".repeat(500), null, null));
    }

    @Test
    void aListenerCannotFloodTheQueue() {
        List<Event> waiting = new ArrayList<>(inConversation());
        for (int i = 0; i < Meeting.MAX_WAITING_QUESTIONS; i++) {
            waiting.add(new QuestionSubmitted("Q-" + i, ANNA.listenerId(), "Vraag " + i, null, null));
        }
        Spec s = given(waiting);
        s.when(ANNA, new SubmitQuestion("Nog één", null, null)).thenRejected("TOO_MANY_QUESTIONS");
        s.when(BEN, new SubmitQuestion("Mijn vraag", null, null))
                .then(new QuestionSubmitted("Q" + (NEXT + 10), BEN.listenerId(), "Mijn vraag", null, null))
                .and(new QuestionAccepted("Q-0"))
                .when(ANNA, new SubmitQuestion("Nu wel", null, null))
                .then(new QuestionSubmitted("Q" + (NEXT + 11), ANNA.listenerId(), "Nu wel", null, null));
    }

    @Test
    void screening() {
        Spec s = fourQuestions()
                .when(MOD, new MergeQuestion(C, A)).then(new QuestionAccepted(A), new QuestionMerged(C, A))
                .when(MOD, new AcceptQuestion(B)).then(new QuestionAccepted(B))
                .when(ASSISTANT, new AcceptQuestion(B)).then()
                .when(MOD, new RejectQuestion(D, RejectReason.STARTS_DISCUSSION)).then(new QuestionRejected(D, RejectReason.STARTS_DISCUSSION));
        assertThat(s.state().questionQueue()).containsExactly(A, B);
        s.when(MOD, new MoveQuestion(B, 0)).then(new QuestionMoved(B, 0));
        assertThat(s.state().questionQueue()).containsExactly(B, A);

        Views.ListenerView anna = Views.listener(s.state(), ANNA.listenerId(), s.now());
        assertThat(anna.myQuestions()).extracting(Views.OwnQuestion::id, Views.OwnQuestion::status, Views.OwnQuestion::rejectReason)
                .containsExactly(tuple(A, QuestionStatus.ACCEPTED, null), tuple(D, QuestionStatus.REJECTED, RejectReason.STARTS_DISCUSSION));
        assertThat(Views.listener(s.state(), BEN.listenerId(), s.now()).myQuestions())
                .filteredOn(q -> q.id().equals(C)).singleElement()
                .extracting(Views.OwnQuestion::status, Views.OwnQuestion::mergedInto).containsExactly(QuestionStatus.MERGED, A);

        s.when(MOD, new AskQuestion(A)).thenRejected("WRONG_PHASE");
        s.and(new PhaseChanged(Phase.CONVERSATION, Phase.CLARIFYING))
                .when(MOD, new AskQuestion(B)).then(new QuestionAsked(B))
                .when(MOD, new AskQuestion(B)).then()
                .when(MOD, new AskQuestion(A)).then(new QuestionAnswered(B), new QuestionAsked(A))
                .when(MOD, new MarkAnswered(A)).then(new QuestionAnswered(A));
        assertThat(s.state().questions()).extracting(Meeting.Question::status).containsExactly(
                QuestionStatus.ANSWERED, QuestionStatus.ANSWERED, QuestionStatus.MERGED, QuestionStatus.REJECTED);
        assertThat(Views.listener(s.state(), BEN.listenerId(), s.now()).questionQueue()).extracting(Views.QueuedQuestion::id)
                .containsExactly(B, A);
    }

    @Test
    void refusesScreeningThatDoesNotFit() {
        Spec s = fourQuestions();
        s.when(MOD, new AcceptQuestion("Q999")).thenRejected("UNKNOWN_QUESTION");
        assertThat(s.when(MOD, new MergeQuestion(A, "Q999")).thenRejected("UNKNOWN_QUESTION").field()).isEqualTo("intoQuestionId");
        assertThat(s.when(MOD, new MergeQuestion(A, A)).thenRejected("INVALID").field()).isEqualTo("intoQuestionId");
        assertThat(s.when(MOD, new RejectQuestion(A, null)).thenRejected("INVALID").field()).isEqualTo("reason");
        s.when(MOD, new MoveQuestion(A, 0)).thenRejected("QUESTION_STATUS");
        s.and(new QuestionRejected(B, RejectReason.NEW_TOPIC));
        s.when(MOD, new MergeQuestion(A, B)).thenRejected("QUESTION_STATUS");
        s.when(MOD, new RejectQuestion(B, RejectReason.TOO_PERSONAL)).thenRejected("QUESTION_STATUS");
        s.when(MOD, new AcceptQuestion(B)).then(new QuestionAccepted(B));
        assertThat(s.state().question(B).orElseThrow().rejectReason()).isNull();
        s.when(MOD, new AcceptQuestion(A)).then(new QuestionAccepted(A));
        assertThat(s.when(MOD, new MoveQuestion(A, 2)).thenRejected("INVALID").field()).isEqualTo("position");
        s.and(new PhaseChanged(Phase.CONVERSATION, Phase.CLARIFYING))
                .when(MOD, new MarkAnswered(A)).then(new QuestionAnswered(A));
        s.when(MOD, new AskQuestion(A)).thenRejected("QUESTION_STATUS");
        s.when(MOD, new MarkAnswered(A)).thenRejected("QUESTION_STATUS");
        s.when(MOD, new MergeQuestion(A, B)).thenRejected("QUESTION_STATUS");
        s.and(phases(Phase.CLARIFYING, Phase.ENDED));
        s.when(MOD, new MarkAnswered(B)).thenRejected("WRONG_PHASE");
    }

    @Test
    void aListenerWithdrawsOnlyTheirOwnOpenQuestion() {
        Spec s = fourQuestions();
        s.when(BEN, new WithdrawQuestion(A)).thenRejected("NOT_YOURS");
        s.when(MOD, new WithdrawQuestion(A)).thenRejected("FORBIDDEN");
        s.and(new QuestionAccepted(A)).when(ANNA, new WithdrawQuestion(A)).then(new QuestionWithdrawn(A));
        assertThat(s.state().questionQueue()).isEmpty();
        assertThat(s.when(ANNA, new WithdrawQuestion(A)).thenRejected("QUESTION_STATUS").field()).isEqualTo("questionId");
    }

    @Test
    void questionsMergedIntoAMergedQuestionFollowIt() {
        Spec s = fourQuestions()
                .when(MOD, new MergeQuestion(C, B)).then(new QuestionAccepted(B), new QuestionMerged(C, B))
                .when(MOD, new MergeQuestion(B, A)).then(new QuestionAccepted(A), new QuestionMerged(B, A));
        assertThat(s.state().question(C).orElseThrow().mergedInto()).isEqualTo(A);
        assertThat(s.state().questionQueue()).containsExactly(A);
    }

    @Test
    void aQuestionAcceptedDuringClarifyingIsReleasedAtOnce() {
        Spec s = given(inConversation()).and(new PhaseChanged(Phase.CONVERSATION, Phase.CLARIFYING))
                .and(new QuestionSubmitted(A, ANNA.listenerId(), "Late vraag", null, null));
        assertThat(Views.listener(s.state(), BEN.listenerId(), s.now()).questionQueue()).isEmpty();
        s.when(MOD, new AcceptQuestion(A)).then(new QuestionAccepted(A));
        assertThat(Views.listener(s.state(), BEN.listenerId(), s.now()).questionQueue()).hasSize(1);
    }

    @Test
    void nextQuestionAnswersTheOneAskedAndAsksTheNextInOneTap() {
        Spec s = fourQuestions().and(new QuestionAccepted(A), new QuestionAccepted(B), new QuestionAccepted(D));
        s.when(MOD, new NextQuestion()).thenRejected("WRONG_PHASE");
        s.and(new PhaseChanged(Phase.CONVERSATION, Phase.CLARIFYING), new QuestionMoved(D, 0));
        s.when(MOD, new NextQuestion()).then(new QuestionAsked(D))
                .when(MOD, new NextQuestion()).then(new QuestionAnswered(D), new QuestionAsked(A))
                .when(MOD, new NextQuestion()).then(new QuestionAnswered(A), new QuestionAsked(B))
                .when(MOD, new NextQuestion()).then(new QuestionAnswered(B));
        s.when(MOD, new NextQuestion()).thenRejected("QUEUE_EMPTY");
    }

    @Test
    void aMergeOrARejectionCanBeTakenBackAndTheKeptQuestionCountsWhatJoinedIt() {
        Spec s = fourQuestions()
                .when(MOD, new MergeQuestion(C, A)).then(new QuestionAccepted(A), new QuestionMerged(C, A))
                .when(MOD, new MergeQuestion(D, A)).then(new QuestionMerged(D, A))
                .when(MOD, new RejectQuestion(B, RejectReason.NEW_TOPIC)).then(new QuestionRejected(B, RejectReason.NEW_TOPIC));
        assertThat(Views.moderator(s.state(), s.now()).questions()).filteredOn(q -> q.id().equals(A))
                .extracting(Views.QuestionView::mergedCount).containsExactly(2);
        s.when(MOD, new RestoreQuestion(D)).then(new QuestionRestored(D))
                .when(MOD, new RestoreQuestion(B)).then(new QuestionRestored(B))
                .when(MOD, new RestoreQuestion(B)).then();
        Meeting m = s.state();
        assertThat(m.question(D).orElseThrow()).extracting(Meeting.Question::status, Meeting.Question::mergedInto)
                .containsExactly(QuestionStatus.WAITING, null);
        assertThat(m.question(B).orElseThrow()).extracting(Meeting.Question::status, Meeting.Question::rejectReason)
                .containsExactly(QuestionStatus.WAITING, null);
        assertThat(Views.moderator(m, s.now()).questions()).filteredOn(q -> q.id().equals(A))
                .extracting(Views.QuestionView::mergedCount).containsExactly(1);
        s.when(MOD, new RestoreQuestion(A)).thenRejected("QUESTION_STATUS");
        s.when(ANNA, new RestoreQuestion(C)).thenRejected("FORBIDDEN");
    }

    @Test
    void whatWasAnsweredIsNotedForQuestionsOfTheQueueAlsoAfterTheEnd() {
        Spec s = fourQuestions().and(new QuestionAccepted(A), new PhaseChanged(Phase.CONVERSATION, Phase.CLARIFYING));
        s.when(MOD, new RecordAnswer(B, "Niets")).thenRejected("QUESTION_STATUS");
        s.when(MOD, new RecordAnswer(A, "  Vaak via de huisarts.  ")).then(new AnswerRecorded(A, "Vaak via de huisarts."))
                .when(MOD, new RecordAnswer(A, "Vaak via de huisarts.")).then();
        assertThat(s.state().question(A).orElseThrow().answer()).isEqualTo("Vaak via de huisarts.");
        assertThat(Views.moderator(s.state(), s.now()).questions().stream().filter(q -> q.id().equals(A)).findFirst()
                .orElseThrow().answer()).isEqualTo("Vaak via de huisarts.");
        s.when(ANNA, new RecordAnswer(A, "Zelf")).thenRejected("FORBIDDEN");
        assertThat(s.when(MOD, new RecordAnswer(A, "x".repeat(2001))).thenRejected("INVALID").field()).isEqualTo("answer");
        s.when(MOD, new MarkAnswered(A)).then(new QuestionAnswered(A));
        assertThat(s.state().question(A).orElseThrow().answer()).as("kept when answered").isEqualTo("Vaak via de huisarts.");
        s.and(phases(Phase.CLARIFYING, Phase.ENDED));
        // An accepted question that was not asked in time can be answered in writing afterwards.
        s.and(new QuestionAccepted(D));
        s.when(MOD, new RecordAnswer(D, "Zo is de regel nu; we kijken ernaar.")).then(new AnswerRecorded(D, "Zo is de regel nu; we kijken ernaar."));
        s.when(MOD, new RecordAnswer(A, " ")).then(new AnswerRecorded(A, null));
        assertThat(Report.of(s.state(), Report.Draft.EMPTY, 0, null).questions())
                .extracting(Report.QuestionLine::answer).containsExactly(null, "Zo is de regel nu; we kijken ernaar.");
    }
}
