package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

class ReportTest {

    static final String STRENGTH = "N8";
    static final String IMPROVEMENT = "N9";
    static final String WISH = "N10";
    static final String QUOTE = "N11";

    /** A meeting that ended, with notes of every kind, turns and questions. */
    static Spec ended() {
        return given(inConversation()).and(new FloorGiven(ANOUK),
                        new NoteAdded(STRENGTH, TOEGANG, NoteTag.STRENGTH, "Vriendelijke ontvangst", true, Role.ASSISTANT),
                        new NoteAdded(IMPROVEMENT, TOEGANG, NoteTag.IMPROVEMENT_POINT, "Wachttijd te lang", false, Role.ASSISTANT))
                .after(120).and(new FloorGiven(BRAM), new ThemeStarted(CONTACT),
                        new NoteAdded(WISH, CONTACT, NoteTag.WISH, "Eén vast aanspreekpunt", true, Role.ASSISTANT),
                        new NoteAdded(QUOTE, CONTACT, NoteTag.QUOTE, "\"Ik voelde me gehoord\"", false, Role.ASSISTANT))
                .after(60).and(new QuestionSubmitted("Q12", ANNA.listenerId(), "Wat bedoelde u met de lijst?", null, null),
                        new QuestionSubmitted("Q13", BEN.listenerId(), "Waarom niet eerder?", null, null),
                        new PhaseChanged(Phase.CONVERSATION, Phase.CLARIFYING),
                        new QuestionAccepted("Q12"), new QuestionAccepted("Q13"), new QuestionAsked("Q12"),
                        new QuestionAnswered("Q12"))
                .and(phases(Phase.CLARIFYING, Phase.ENDED))
                .and(new NoteAdded("N14", null, NoteTag.OTHER, "Algemene indruk: open sfeer", false, Role.MODERATOR));
    }

    @Test
    void everyNoteLandsUnderItsThemeAndTag() {
        Meeting m = ended().state();
        Report r = Report.of(m, m.reportDraft(), 0, null);
        assertThat(r.themes()).extracting(Report.ThemeSection::title).containsExactly("Toegang", "Contact", "Eigen regie", null);
        Report.ThemeSection access = r.themes().get(0);
        assertThat(access.strengths()).containsExactly("Vriendelijke ontvangst");
        assertThat(access.improvementPoints()).containsExactly("Wachttijd te lang");
        Report.ThemeSection contact = r.themes().get(1);
        assertThat(contact.wishes()).containsExactly("Eén vast aanspreekpunt");
        assertThat(contact.quotes()).containsExactly("\"Ik voelde me gehoord\"");
        assertThat(r.themes().get(3).other()).containsExactly("Algemene indruk: open sfeer");
        assertThat(r.questions()).extracting(Report.QuestionLine::text, Report.QuestionLine::answered).containsExactly(
                tuple("Wat bedoelde u met de lijst?", true), tuple("Waarom niet eerder?", false));
        assertThat(r.participants()).isEqualTo(4);
        assertThat(r.listeners()).isEqualTo(2);
    }

    @Test
    void sharesAddUpAndOnlyPseudonymsAppear() {
        Spec s = ended().when(MOD, new EditReport(null, null, null, null, true))
                .then(new ReportEdited(null, null, List.of(), List.of(), true));
        Report r = Report.of(s.state(), s.state().reportDraft(), 0, null);
        assertThat(r.participation().shares().stream().mapToDouble(Report.Share::share).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(r.participation().byName()).isTrue();
        assertThat(r.participation().shares()).extracting(Report.Share::pseudonym)
                .containsExactly("Anouk", "Bram", "Chantal", "Dirk");
        assertThat(r.toString()).doesNotContain("L-anna", "L-ben", "Anna");
    }

    @Test
    void byDefaultTheReportShowsHowEvenlyTimeWasSpreadWithoutNames() {
        Report r = Report.of(ended().state(), Report.Draft.EMPTY, 0, null);
        Report.SpeakingTime time = r.participation();
        assertThat(time.byName()).isFalse();
        assertThat(time.shares()).extracting(Report.Share::pseudonym).containsOnlyNulls();
        assertThat(time.shares()).extracting(Report.Share::seat).containsOnly(0);
        assertThat(time.shares()).extracting(Report.Share::share).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // Anouk and Bram spoke, Chantal and Dirk did not: two of four under half a fair share.
        assertThat(time.underHalf()).isEqualTo(2);
        assertThat(r.toString()).doesNotContain("Anouk", "Bram", "Chantal", "Dirk");
        assertThat(Report.forLetter(ended().state()).toString()).doesNotContain("Anouk", "Bram");
    }

    @Test
    void theModeratorWritesTheDraftAndLeavesNotesOut() {
        List<String> norms = List.of("U krijgt binnen 5 werkdagen een vast aanspreekpunt.");
        Spec s = ended().when(MOD, new EditReport("Ouders willen één aanspreekpunt.", "Het contact moet persoonlijker.",
                        norms, List.of(QUOTE, QUOTE), null))
                .then(new ReportEdited("Ouders willen één aanspreekpunt.", "Het contact moet persoonlijker.", norms, List.of(QUOTE), false));
        Report r = Report.of(s.state(), s.state().reportDraft(), 0, null);
        assertThat(r.summary()).isEqualTo("Ouders willen één aanspreekpunt.");
        assertThat(r.serviceNorms()).containsExactlyElementsOf(norms);
        assertThat(r.themes().get(1).quotes()).isEmpty();
        s.when(ASSISTANT, new EditReport(null, "Anders verwoord.", null, null, null))
                .then(new ReportEdited("Ouders willen één aanspreekpunt.", "Anders verwoord.", norms, List.of(QUOTE), false));
    }

    @Test
    void aFinalisedReportIsFrozenAndLaterEditsMakeANewVersion() {
        Spec s = ended().and(new ReportEdited("Eerste versie", null, List.of(), List.of(), false)).after(30);
        Report expected = Report.of(s.state(), s.state().reportDraft(), 1, s.now());
        s.when(MOD, new FinalizeReport()).then(new ReportFinalized(expected));
        Report first = s.state().reports().getFirst();
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.finalizedAt()).isEqualTo(s.now());
        s.and(new NoteEdited(WISH, NoteTag.WISH, "Gewijzigde wens", true),
                new ReportEdited("Tweede versie", null, List.of(), List.of(), false));
        assertThat(s.state().reports().getFirst()).isEqualTo(first);
        assertThat(first.themes().get(1).wishes()).containsExactly("Eén vast aanspreekpunt");
        s.when(MOD, new FinalizeReport()).then(new ReportFinalized(Report.of(s.state(), s.state().reportDraft(), 2, s.now())));
        assertThat(s.state().reports()).extracting(Report::version, Report::summary)
                .containsExactly(tuple(1, "Eerste versie"), tuple(2, "Tweede versie"));
        assertThat(s.state().reports().get(1).themes().get(1).wishes()).containsExactly("Gewijzigde wens");
    }

    @Test
    void theReportWaitsForTheEnd() {
        Spec live = given(inConversation());
        live.when(MOD, new EditReport("Te vroeg", null, null, null, null)).thenRejected("WRONG_PHASE");
        live.when(MOD, new FinalizeReport()).thenRejected("WRONG_PHASE");
        Spec e = ended();
        assertThat(e.when(MOD, new EditReport(null, null, List.of(" "), null, null)).thenRejected("INVALID").field()).isEqualTo("serviceNorms");
        assertThat(e.when(MOD, new EditReport(null, null, null, List.of("N999"), null)).thenRejected("UNKNOWN_NOTE").field())
                .isEqualTo("excludedNoteIds");
        e.when(ANNA, new FinalizeReport()).thenRejected("FORBIDDEN");
        e.when(DISPLAY, new EditReport("Niet van mij", null, null, null, null)).thenRejected("FORBIDDEN");
    }
}
