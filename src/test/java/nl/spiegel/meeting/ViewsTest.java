package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Event.*;

/** Given a meeting, then what each role's view holds of it. */
class ViewsTest {

    @Test
    void aQuestionCanNoLongerBeWithdrawnOnceTheMeetingEnded() {
        Spec s = given(inConversation()).and(new QuestionSubmitted("Q9", ANNA.listenerId(), "Wat bedoelde u?", null, null));
        assertThat(Views.listener(s.state(), ANNA.listenerId(), s.now()).myQuestions().getFirst().canWithdraw()).isTrue();
        s.and(phases(Phase.CONVERSATION, Phase.ENDED));
        assertThat(Views.listener(s.state(), ANNA.listenerId(), s.now()).myQuestions().getFirst().canWithdraw()).isFalse();
        s.when(ANNA, new Command.WithdrawQuestion("Q9")).thenRejected("WRONG_PHASE");
    }

    @Test
    void theModeratorSeesEverything() {
        Spec s = given(inConversation()).and(new FloorGiven(ANOUK),
                new NoteAdded("N8", TOEGANG, NoteTag.WISH, "Privé", false, Role.MODERATOR),
                new QuestionSubmitted("Q9", ANNA.listenerId(), "Vraag", null, null)).after(30);
        Views.ModeratorView view = Views.moderator(s.state(), s.now());
        assertThat(view.participants()).hasSize(4);
        assertThat(view.participants().getFirst().speakingMs()).isEqualTo(30_000);
        assertThat(view.speaker().participantId()).isEqualTo(ANOUK);
        assertThat(view.notes()).hasSize(1);
        assertThat(view.questions().getFirst().listenerName()).isEqualTo("Anna");
        assertThat(view.listeners()).isEqualTo(2);
        assertThat(view.guide().getFirst().spentMs()).isEqualTo(30_000);
    }

    @Test
    void aListenerSeesWhoSpeaksButNoStatisticsNorPrivateNotes() {
        Spec s = given(inConversation()).and(new FloorGiven(BRAM),
                new NoteAdded("N8", TOEGANG, NoteTag.WISH, "Privé", false, Role.MODERATOR),
                new NoteAdded("N9", TOEGANG, NoteTag.QUOTE, "Gedeeld", true, Role.MODERATOR));
        Views.ListenerView view = Views.listener(s.state(), ANNA.listenerId(), s.now());
        assertThat(view.speaker().pseudonym()).isEqualTo("Bram");
        assertThat(view.notes()).extracting(Views.SharedNote::text).containsExactly("Gedeeld");
        assertThat(view.participants()).extracting(Views.SeatView::pseudonym).containsExactly("Anouk", "Bram", "Chantal", "Dirk");
        assertThat(fieldNames(Views.ListenerView.class)).doesNotContain("balance", "questions", "topics", "listeners");
        assertThat(fieldNames(Views.SeatView.class)).containsExactlyInAnyOrder("id", "pseudonym", "seat");
        assertThat(fieldNames(Views.SpeakerView.class)).doesNotContain("since");
        assertThat(fieldNames(Views.QueuedQuestion.class)).doesNotContain("listenerId", "listenerName");
    }

    @Test
    void theDisplayShowsTheRoomWhatItNeeds() {
        Spec s = given(inConversation());
        Views.DisplayView view = Views.display(s.state(), s.now());
        assertThat(view.title()).isEqualTo("Spiegelgesprek jeugdzorg");
        assertThat(view.currentTheme().title()).isEqualTo("Toegang");
        assertThat(view.houseRules()).isNotBlank();
        assertThat(fieldNames(Views.DisplayView.class)).doesNotContain("participants", "speaker", "balance", "notes");
    }

    @Test
    void theModeratorGetsTheStepsFromThisPhaseAndTheScreenThatFits() {
        Spec s = given(prepared());
        assertThat(Views.moderator(s.state(), s.now()).phaseSteps()).isEqualTo(new Views.PhaseSteps(Phase.LOBBY, null, false));
        assertThat(Views.moderator(s.state(), s.now()).screen()).isEqualTo(Views.Screen.PREPARE);
        s.and(phases(Phase.PREPARATION, Phase.OPENING));
        // Into the conversation there is no way back: the app asks first.
        assertThat(Views.moderator(s.state(), s.now()).phaseSteps())
                .isEqualTo(new Views.PhaseSteps(Phase.CONVERSATION, Phase.LOBBY, true));
        assertThat(Views.moderator(s.state(), s.now()).can()).isEqualTo(new Views.Controls(true, false, false));
        s.and(new PhaseChanged(Phase.OPENING, Phase.CONVERSATION), new ThemeStarted(TOEGANG));
        assertThat(Views.moderator(s.state(), s.now()).screen()).isEqualTo(Views.Screen.LIVE);
        assertThat(Views.moderator(s.state(), s.now()).can()).isEqualTo(new Views.Controls(true, true, false));
        s.and(phases(Phase.CONVERSATION, Phase.CLARIFYING));
        assertThat(Views.moderator(s.state(), s.now()).phaseSteps())
                .isEqualTo(new Views.PhaseSteps(Phase.CLOSING, Phase.CONVERSATION, false));
        assertThat(Views.moderator(s.state(), s.now()).can()).isEqualTo(new Views.Controls(true, false, true));
        s.and(phases(Phase.CLARIFYING, Phase.ENDED));
        Views.ModeratorView ended = Views.moderator(s.state(), s.now());
        assertThat(ended.phaseSteps()).isEqualTo(new Views.PhaseSteps(null, null, false));
        assertThat(ended.screen()).isEqualTo(Views.Screen.AFTER);
        assertThat(ended.can()).isEqualTo(new Views.Controls(false, false, true));
    }

    @Test
    void theModeratorGetsTheListsTheFormsOfferAndTheFreeSeats() {
        Views.ModeratorView view = Views.moderator(given(prepared()).state(), Spec.T0);
        assertThat(view.noteTags()).containsExactly(NoteTag.values());
        assertThat(view.rejectReasons()).containsExactly(RejectReason.values());
        assertThat(view.actionStatuses()).containsExactly(ActionStatus.values());
        assertThat(view.freeSeats()).containsExactly(5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
    }

    @Test
    void eachQuestionSaysWhereItStandsAndWhatCanBeDoneWithIt() {
        Spec s = given(inConversation()).and(
                new QuestionSubmitted("Q8", ANNA.listenerId(), "Wachtend", null, null),
                new QuestionSubmitted("Q9", ANNA.listenerId(), "Toegelaten", null, null),
                new QuestionSubmitted("Q10", BEN.listenerId(), "Afgewezen", null, null),
                new QuestionAccepted("Q9"), new QuestionRejected("Q10", RejectReason.NEW_TOPIC));
        assertThat(Views.moderator(s.state(), s.now()).questions())
                .extracting(Views.QuestionView::id, Views.QuestionView::lane, Views.QuestionView::canAsk,
                        Views.QuestionView::canMarkAnswered)
                .containsExactly(tuple("Q9", Views.Lane.QUEUE, false, false), tuple("Q8", Views.Lane.SCREEN, false, false),
                        tuple("Q10", Views.Lane.ASIDE, false, false));
        assertThat(Views.moderator(s.state(), s.now()).questionsWaiting()).isEqualTo(2);
        s.and(new PhaseChanged(Phase.CONVERSATION, Phase.CLARIFYING));
        assertThat(Views.moderator(s.state(), s.now()).questions().getFirst())
                .extracting(Views.QuestionView::canAsk, Views.QuestionView::canMarkAnswered).containsExactly(true, true);
        assertThat(Views.listener(s.state(), ANNA.listenerId(), s.now()).myQuestions())
                .extracting(Views.OwnQuestion::id, Views.OwnQuestion::canWithdraw)
                .containsExactly(tuple("Q8", true), tuple("Q9", true));
        assertThat(Views.listener(s.state(), BEN.listenerId(), s.now()).myQuestions())
                .extracting(Views.OwnQuestion::canWithdraw).containsExactly(false);
    }

    @Test
    void aListenerIsToldWhenTheyMayAskAndHandInTopics() {
        Spec s = given(prepared());
        Views.ListenerView view = Views.listener(s.state(), ANNA.listenerId(), s.now());
        assertThat(view.canAsk()).isFalse();
        assertThat(view.canHandInTopics()).isFalse();
        s.and(new TopicsOpenSet(true));
        assertThat(Views.listener(s.state(), ANNA.listenerId(), s.now()).canHandInTopics()).isTrue();
        s.and(phases(Phase.PREPARATION, Phase.LOBBY));
        view = Views.listener(s.state(), ANNA.listenerId(), s.now());
        assertThat(view.canAsk()).isTrue();
        assertThat(view.canHandInTopics()).isTrue();
        s.and(new PhaseChanged(Phase.LOBBY, Phase.OPENING));
        assertThat(Views.listener(s.state(), ANNA.listenerId(), s.now()).canHandInTopics()).isFalse();
        s.and(phases(Phase.OPENING, Phase.ENDED));
        assertThat(Views.listener(s.state(), ANNA.listenerId(), s.now()).canAsk()).isFalse();
    }

    @Test
    void theDisplayShowsTheQuestionsOnlyWhileTheyAreAsked() {
        Spec s = given(inConversation());
        assertThat(Views.display(s.state(), s.now()).showQuestions()).isFalse();
        s.and(new PhaseChanged(Phase.CONVERSATION, Phase.CLARIFYING));
        assertThat(Views.display(s.state(), s.now()).showQuestions()).isTrue();
        s.and(phases(Phase.CLARIFYING, Phase.ENDED));
        Views.DisplayView ended = Views.display(s.state(), s.now());
        assertThat(ended.showQuestions()).isFalse();
        assertThat(ended.endedAt()).isEqualTo(s.now());
    }

    private static Set<String> fieldNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
    }
}
