package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

/** What the listeners take home and how the participants found it: windows, limits, and k-anonymity. */
class DebriefTest {

    static final Actor CARD = new Actor(Role.PUBLIC, null);
    static final Actor CAROL = Actor.listener("L-carol");

    private static Spec closing() {
        return given(prepared()).and(new ListenerJoined(CAROL.listenerId(), null)).and(phases(Phase.PREPARATION, Phase.CLOSING));
    }

    @Test
    void aListenerWritesUpToThreeTakeAwaysFromTheClosingPhaseOnAndEditsThem() {
        given(inConversation()).when(ANNA, new WriteTakeAway(1, TakeAwayKind.EYEOPENER, null, "Te vroeg")).thenRejected("WINDOW_CLOSED");
        Spec s = closing()
                .when(ANNA, new WriteTakeAway(1, TakeAwayKind.EYEOPENER, TOEGANG, " Wachten is het ergste "))
                .then(new TakeAwayWritten(ANNA.listenerId(), 1, TakeAwayKind.EYEOPENER, TOEGANG, "Wachten is het ergste"));
        s.when(ANNA, new WriteTakeAway(1, TakeAwayKind.EYEOPENER, TOEGANG, "Wachten is het ergste")).then();
        s.when(ANNA, new WriteTakeAway(1, TakeAwayKind.DO_DIFFERENTLY, TOEGANG, "Sneller terugbellen"))
                .then(new TakeAwayWritten(ANNA.listenerId(), 1, TakeAwayKind.DO_DIFFERENTLY, TOEGANG, "Sneller terugbellen"));
        s.when(ANNA, new WriteTakeAway(4, TakeAwayKind.FREE, null, "Een vierde")).thenRejected("INVALID");
        s.when(ANNA, new WriteTakeAway(2, TakeAwayKind.FREE, null, "x".repeat(Debrief.MAX_TAKE_AWAY + 1))).thenRejected("INVALID");
        s.when(ANNA, new WriteTakeAway(2, null, null, "Zonder soort")).thenRejected("INVALID");
        s.when(ANNA, new WriteTakeAway(2, TakeAwayKind.FREE, "T999", "Welk thema?")).thenRejected("UNKNOWN_THEME");
        s.when(ANNA, new WriteTakeAway(1, TakeAwayKind.FREE, null, "")).then(new TakeAwayWritten(ANNA.listenerId(), 1, null, null, null));
        assertThat(s.state().debrief().of(ANNA.listenerId())).isEmpty();
        s.when(Actor.listener("L-nobody"), new WriteTakeAway(1, TakeAwayKind.FREE, null, "Wie?")).thenRejected("NOT_JOINED");
    }

    @Test
    void theWindowClosesSomeDaysAfterTheEnd() {
        Spec s = closing().and(phases(Phase.CLOSING, Phase.ENDED)).after(Duration.ofDays(6).toSeconds());
        s.when(ANNA, new WriteTakeAway(1, TakeAwayKind.FREE, null, "Nog net")).then(
                new TakeAwayWritten(ANNA.listenerId(), 1, TakeAwayKind.FREE, null, "Nog net"));
        s.after(Duration.ofDays(1).toSeconds());
        s.when(ANNA, new WriteTakeAway(1, TakeAwayKind.FREE, null, "Te laat")).thenRejected("WINDOW_CLOSED");
        s.when(ANNA, new RatePerceivedBalance(4)).thenRejected("WINDOW_CLOSED");
        s.when(MOD, new SetTakeAwayWindow(14)).then(new TakeAwayWindowSet(14));
        s.when(ANNA, new WriteTakeAway(1, TakeAwayKind.FREE, null, "Toch nog")).then(
                new TakeAwayWritten(ANNA.listenerId(), 1, TakeAwayKind.FREE, null, "Toch nog"));
        s.when(MOD, new SetTakeAwayWindow(31)).thenRejected("INVALID");
    }

    @Test
    void theTeamSeesTakeAwaysOnlyFromTheThirdListenerOnByThemeAndKindInNoTellingOrder() {
        Spec s = closing()
                .when(BEN, new WriteTakeAway(1, TakeAwayKind.EYEOPENER, CONTACT, "Zo weinig contact"))
                .then(new TakeAwayWritten(BEN.listenerId(), 1, TakeAwayKind.EYEOPENER, CONTACT, "Zo weinig contact"))
                .when(ANNA, new WriteTakeAway(1, TakeAwayKind.EYEOPENER, CONTACT, "Aardige mensen"))
                .then(new TakeAwayWritten(ANNA.listenerId(), 1, TakeAwayKind.EYEOPENER, CONTACT, "Aardige mensen"))
                .when(ANNA, new WriteTakeAway(2, TakeAwayKind.FREE, null, "Vaker doen"))
                .then(new TakeAwayWritten(ANNA.listenerId(), 2, TakeAwayKind.FREE, null, "Vaker doen"));
        Debrief.TakeAwaysView two = Debrief.takeAways(s.state());
        assertThat(two.shown()).isFalse();
        assertThat(two.groups()).isEmpty();
        assertThat(two.writers()).isEqualTo(2);
        assertThat(Views.moderator(s.state(), s.now()).toString()).doesNotContain("Zo weinig contact", "Aardige mensen");

        s.when(CAROL, new WriteTakeAway(1, TakeAwayKind.DO_DIFFERENTLY, TOEGANG, "Terugbellen"))
                .then(new TakeAwayWritten(CAROL.listenerId(), 1, TakeAwayKind.DO_DIFFERENTLY, TOEGANG, "Terugbellen"));
        Debrief.TakeAwaysView three = Debrief.takeAways(s.state());
        assertThat(three.shown()).isTrue();
        assertThat(three.count()).isEqualTo(4);
        assertThat(three.groups()).extracting(Debrief.TakeAwayGroup::theme, Debrief.TakeAwayGroup::kind, Debrief.TakeAwayGroup::texts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Toegang", TakeAwayKind.DO_DIFFERENTLY, List.of("Terugbellen")),
                        org.assertj.core.groups.Tuple.tuple("Contact", TakeAwayKind.EYEOPENER, List.of("Aardige mensen", "Zo weinig contact")),
                        org.assertj.core.groups.Tuple.tuple(null, TakeAwayKind.FREE, List.of("Vaker doen")));
        assertThat(Views.moderator(s.state(), s.now()).debrief().toString()).doesNotContain(ANNA.listenerId(), BEN.listenerId());
    }

    @Test
    void eachListenerSeesOnlyTheirOwn() {
        Spec s = closing()
                .and(new TakeAwayWritten(ANNA.listenerId(), 1, TakeAwayKind.FREE, null, "Van Anna"),
                        new TakeAwayWritten(BEN.listenerId(), 1, TakeAwayKind.FREE, null, "Van Ben"),
                        new PerceivedBalanceRated(ANNA.listenerId(), 2));
        Views.ListenerView anna = Views.listener(s.state(), ANNA.listenerId(), s.now());
        assertThat(anna.myTakeAways()).extracting(Debrief.TakeAway::text).containsExactly("Van Anna");
        assertThat(anna.myPerceived()).isEqualTo(2);
        assertThat(anna.toString()).doesNotContain("Van Ben");
        assertThat(Views.listener(s.state(), null, s.now()).toString()).doesNotContain("Van Anna", "Van Ben");
        assertThat(Views.own(s.state()).get(BEN.listenerId()).takeAways()).extracting(Debrief.TakeAway::text).containsExactly("Van Ben");
    }

    @Test
    void perceivedParticipationStandsBesideTheMeasuredFromThreeAnswersOn() {
        Spec s = closing();
        s.when(ANNA, new RatePerceivedBalance(6)).thenRejected("INVALID");
        s.when(ANNA, new RatePerceivedBalance(2)).then(new PerceivedBalanceRated(ANNA.listenerId(), 2));
        s.when(BEN, new RatePerceivedBalance(4)).then(new PerceivedBalanceRated(BEN.listenerId(), 4));
        assertThat(Debrief.view(s.state(), s.now()).perceived().shown()).isFalse();
        assertThat(Debrief.view(s.state(), s.now()).perceived().distribution()).isEmpty();
        s.when(CAROL, new RatePerceivedBalance(4)).then(new PerceivedBalanceRated(CAROL.listenerId(), 4));
        Debrief.PerceivedView p = Debrief.view(s.state(), s.now()).perceived();
        assertThat(p.distribution()).isEqualTo(Map.of(1, 0, 2, 1, 3, 0, 4, 2, 5, 0));
        assertThat(p.neverSpoken()).isEqualTo(4);
    }

    @Test
    void participantsEvaluateAnonymouslyAndResultsShowFromThreeAnswersOn() {
        Spec s = closing();
        s.when(ANNA, new GiveEvaluation(5, 5, 5, 5, null)).thenRejected("FORBIDDEN");
        s.when(CARD, new GiveEvaluation(null, null, null, null, " ")).thenRejected("EMPTY_ANSWER");
        s.when(CARD, new GiveEvaluation(6, null, null, null, null)).thenRejected("INVALID");
        s.when(CARD, new GiveEvaluation(5, 4, null, 5, "Fijn dat er geluisterd werd"))
                .then(new EvaluationGiven(5, 4, null, 5, "Fijn dat er geluisterd werd", false));
        s.when(ASSISTANT, new GiveEvaluation(3, 2, 4, 4, null)).then(new EvaluationGiven(3, 2, 4, 4, null, true));
        assertThat(Debrief.evaluation(s.state().debrief().evaluations()).shown()).isFalse();
        s.when(CARD, new GiveEvaluation(4, 3, 5, null, "Te kort")).then(new EvaluationGiven(4, 3, 5, null, "Te kort", false));
        Debrief.EvaluationView e = Debrief.evaluation(s.state().debrief().evaluations());
        assertThat(e.shown()).isTrue();
        assertThat(e.onPaper()).isEqualTo(1);
        assertThat(e.items()).extracting(Debrief.Item::question, Debrief.Item::average, Debrief.Item::answers).containsExactly(
                org.assertj.core.groups.Tuple.tuple("heard", 4.0, 3), org.assertj.core.groups.Tuple.tuple("time", 3.0, 3),
                org.assertj.core.groups.Tuple.tuple("information", 4.5, 2), org.assertj.core.groups.Tuple.tuple("again", 4.5, 2));
        assertThat(e.remarks()).containsExactly("Fijn dat er geluisterd werd", "Te kort");
        assertThat(Report.of(s.state(), s.state().reportDraft(), 0, null).evaluation().shown()).isTrue();
    }

    @Test
    void aMeetingTakesAtMostFortyEvaluations() {
        Spec s = closing();
        for (int i = 0; i < Debrief.MAX_EVALUATIONS; i++) {
            s.and(new EvaluationGiven(4, 4, 4, 4, null, false));
        }
        s.when(CARD, new GiveEvaluation(5, 5, 5, 5, null)).thenRejected("EVALUATIONS_FULL");
    }

    @Test
    void theReportHasTheAppendixOnlyWhenTheOrganiserIncludesItAndThreeWrote() {
        Spec s = closing().and(new TakeAwayWritten(ANNA.listenerId(), 1, TakeAwayKind.FREE, null, "A"),
                new TakeAwayWritten(BEN.listenerId(), 1, TakeAwayKind.FREE, null, "B"),
                new TakeAwayWritten(CAROL.listenerId(), 1, TakeAwayKind.FREE, null, "C"));
        assertThat(Report.of(s.state(), s.state().reportDraft(), 0, null).takeAways()).isNull();
        s.when(new Actor(Role.ORGANISER, null), new IncludeTakeAways(true)).then(new TakeAwaysIncluded(true));
        assertThat(Report.of(s.state(), s.state().reportDraft(), 0, null).takeAways().groups()).hasSize(1);
    }
}
