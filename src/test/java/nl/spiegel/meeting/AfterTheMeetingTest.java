package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

/** The track after the meeting, in the core: norms evaluated, the round-up, the letter, what the public page shows. */
class AfterTheMeetingTest {

    private static final Actor ORGANISER = new Actor(Role.ORGANISER, null);
    private static final String NORM = "0b9a6e6e-6d6c-4f41-9b7a-2f1d7b3c9e01";

    @Test
    void aNormFromTheRegisterIsPutOnTheGuideAndEvaluated() {
        Spec s = given(prepared());
        s.when(MOD, new ImportNorm(NORM, " Binnen vijf werkdagen een eerste gesprek ")).then(new NormImported(NORM,
                        "Binnen vijf werkdagen een eerste gesprek"))
                .when(MOD, new ImportNorm(NORM, "Binnen vijf werkdagen een eerste gesprek")).then();
        s.when(MOD, new EvaluateNorm(NORM, NormVerdict.MET, null)).thenRejected("WRONG_PHASE");
        s.and(phases(Phase.PREPARATION, Phase.CONVERSATION));
        s.when(MOD, new EvaluateNorm("onbekend", NormVerdict.MET, null)).thenRejected("UNKNOWN_NORM");
        assertThat(s.when(MOD, new EvaluateNorm(NORM, null, null)).thenRejected("INVALID").field()).isEqualTo("verdict");
        s.when(MOD, new EvaluateNorm(NORM, NormVerdict.NOT_MET, " Vaak drie weken ")).then(new NormEvaluated(NORM, NormVerdict.NOT_MET,
                "Vaak drie weken"));
        s.when(MOD, new DropNorm(NORM)).thenRejected("NORM_EVALUATED");
        s.when(ANNA, new EvaluateNorm(NORM, NormVerdict.MET, null)).thenRejected("FORBIDDEN");
        assertThat(Views.moderator(s.state(), s.now()).norms()).singleElement()
                .extracting(Norms.NormCheck::verdict, Norms.NormCheck::note).containsExactly(NormVerdict.NOT_MET, "Vaak drie weken");
        s.and(phases(Phase.CONVERSATION, Phase.ENDED));
        // A verdict noted from memory after the meeting is still the meeting's.
        s.when(MOD, new EvaluateNorm(NORM, NormVerdict.UNCLEAR, null)).then(new NormEvaluated(NORM, NormVerdict.UNCLEAR, null));
        s.when(MOD, new ImportNorm("ander", "Te laat")).thenRejected("WRONG_PHASE");
        assertThat(Report.of(s.state(), Report.Draft.EMPTY, 0, null).normsEvaluated())
                .containsExactly(new Report.NormLine("Binnen vijf werkdagen een eerste gesprek", NormVerdict.UNCLEAR, null));
    }

    @Test
    void aMeetingEvaluatesABoundedNumberOfNormsAndOneWithoutVerdictCanGo() {
        Spec s = given(prepared());
        for (int i = 0; i < Norms.MAX_NORMS; i++) {
            s.and(new NormImported("n" + i, "Norm " + i));
        }
        s.when(MOD, new ImportNorm("te-veel", "Norm")).thenRejected("NORMS_FULL");
        s.when(MOD, new DropNorm("n3")).then(new NormDropped("n3"));
        s.when(MOD, new ImportNorm("nu-wel", "Norm")).then(new NormImported("nu-wel", "Norm"));
    }

    @Test
    void theRoundUpOfTheClosingPhaseGoesIntoTheReport() {
        Spec s = given(inConversation());
        s.when(MOD, new RecordRoundUp("Bereikbaarheid")).thenRejected("WRONG_PHASE");
        s.and(phases(Phase.CONVERSATION, Phase.CLOSING));
        s.when(MOD, new RecordRoundUp(" Bereikbaarheid en één vast gezicht ")).then(new RoundUpRecorded("Bereikbaarheid en één vast gezicht"))
                .when(MOD, new RecordRoundUp("Bereikbaarheid en één vast gezicht")).then();
        assertThat(Report.of(s.state(), Report.Draft.EMPTY, 0, null).roundUp()).isEqualTo("Bereikbaarheid en één vast gezicht");
        s.and(phases(Phase.CLOSING, Phase.ENDED));
        s.when(ASSISTANT, new RecordRoundUp("")).then(new RoundUpRecorded(null));
        assertThat(s.state().reporting().roundUp()).isNull();
    }

    @Test
    void eachSaveOfTheLetterIsAVersion() {
        Spec s = ReportTest.ended();
        s.when(MOD, new SaveLetter("Beste ouder,", "Dank!", "Team Jeugd")).then(new LetterSaved("Beste ouder,", "Dank!", "Team Jeugd"))
                .after(60).when(ORGANISER, new SaveLetter("Beste ouder,", "Nogmaals dank.", "Gemeente, team Jeugd"))
                .then(new LetterSaved("Beste ouder,", "Nogmaals dank.", "Gemeente, team Jeugd"));
        assertThat(s.state().followUp().letters()).extracting(FollowUp.Letter::version, FollowUp.Letter::closing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Dank!"), org.assertj.core.groups.Tuple.tuple(2, "Nogmaals dank."));
        assertThat(s.when(MOD, new SaveLetter("", "x", "y")).thenRejected("INVALID").field()).isEqualTo("greeting");
        s.when(ANNA, new SaveLetter("a", "b", "c")).thenRejected("FORBIDDEN");
    }

    @Test
    void anAdoptedTopicNamesItsThemeAndTheReportListsIt() {
        Spec s = given(prepared()).and(new TopicsOpenSet(true), new TopicSubmitted("K" + NEXT, ANNA.listenerId(), "Wachtlijsten"));
        s.when(MOD, new SetTopicStatus("K" + NEXT, TopicStatus.ADOPTED, "T999")).thenRejected("UNKNOWN_THEME");
        s.when(MOD, new SetTopicStatus("K" + NEXT, TopicStatus.ADOPTED, TOEGANG))
                .then(new TopicStatusSet("K" + NEXT, TopicStatus.ADOPTED, TOEGANG));
        assertThat(Report.of(s.state(), Report.Draft.EMPTY, 0, null).themes().getFirst().topics()).containsExactly("Wachtlijsten");
        // Set aside, it is taken up nowhere.
        s.when(MOD, new SetTopicStatus("K" + NEXT, TopicStatus.SET_ASIDE, TOEGANG))
                .then(new TopicStatusSet("K" + NEXT, TopicStatus.SET_ASIDE, null));
    }

    @Test
    void thePublicPageShowsWhatWasPublishedAndDoneAndNamesNoOne() {
        Spec s = ReportTest.ended();
        assertThat(Views.followUp(s.state(), s.now()).published()).isFalse();
        assertThat(Views.followUp(s.state(), s.now()).said()).isEmpty();
        s.and(new NoteAdded("N20", TOEGANG, NoteTag.IMPROVEMENT_POINT, "Bram wacht al maanden op anouk", false, Role.MODERATOR),
                new NoteAdded("N21", TOEGANG, NoteTag.QUOTE, "Het voelde als een loket", false, Role.MODERATOR),
                new NoteAdded("N22", CONTACT, NoteTag.OTHER, "Privé: Dirk kwam te laat", false, Role.MODERATOR));
        s.when(MOD, new CreateAction("N20", "Intern: wachtlijst Bram", "Team toegang", LocalDate.parse("2027-06-01"),
                        "Wachttijd naar twee weken"))
                .then(new ActionCreated("A18", "N20", "Intern: wachtlijst Bram", "Team toegang", LocalDate.parse("2027-06-01"),
                        "Wachttijd naar twee weken"));
        s.and(new QuestionSubmitted("Q24", ANNA.listenerId(), "Hoe lang wachtte u?", null, null), new QuestionAccepted("Q24"),
                new AnswerRecorded("Q24", "Bram zei: een half jaar"));
        s.when(MOD, new FinalizeReport()).then(new ReportFinalized(Report.of(s.state(), s.state().reportDraft(), 1, s.now())));
        Views.FollowUpView page = Views.followUp(s.state(), s.now());
        assertThat(page.published()).isTrue();
        assertThat(page.asked()).extracting(Views.Asked::title).contains("Toegang", "Contact");
        assertThat(page.said().getFirst().improvementPoints()).contains("een deelnemer wacht al maanden op een deelnemer");
        assertThat(page.done()).singleElement().extracting(Views.Done::wording).isEqualTo("Wachttijd naar twee weken");
        assertThat(page.answers()).containsExactly(new Views.WrittenAnswer("Hoe lang wachtte u?", "een deelnemer zei: een half jaar"));
        String all = page.toString();
        for (String name : List.of("Anouk", "Bram", "Chantal", "Dirk", "anouk")) {
            assertThat(all).as("a pseudonym").doesNotContain(name);
        }
        assertThat(all).doesNotContain("Intern", "loket", "Privé", "speakingMs", "share");
    }
}
