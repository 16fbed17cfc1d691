package nl.spiegel.meeting;

import static nl.spiegel.meeting.Script.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;

class ReportTest {

    /** A meeting that ended, with notes of every kind, turns and questions. */
    static Script ended() {
        Script s = Script.inConversation();
        s.ok(MOD, new GiveFloor(s.participant("Anouk")));
        s.ok(Actor.ASSISTANT, new AddNote(null, NoteTag.STRENGTH, "Vriendelijke ontvangst", true));
        s.ok(Actor.ASSISTANT, new AddNote(null, NoteTag.IMPROVEMENT_POINT, "Wachttijd te lang", false));
        s.laterSeconds(120).ok(MOD, new GiveFloor(s.participant("Bram")));
        s.ok(MOD, new NextTheme());
        s.ok(Actor.ASSISTANT, new AddNote(null, NoteTag.WISH, "Eén vast aanspreekpunt", true));
        s.ok(Actor.ASSISTANT, new AddNote(null, NoteTag.QUOTE, "\"Ik voelde me gehoord\"", false));
        s.laterSeconds(60).ok(ANNA, new SubmitQuestion("Wat bedoelde u met de lijst?", null, null));
        s.ok(BEN, new SubmitQuestion("Waarom niet eerder?", null, null));
        s.phase(Phase.CLARIFYING);
        s.ok(MOD, new AcceptQuestion(s.state.questions().get(0).id()));
        s.ok(MOD, new AcceptQuestion(s.state.questions().get(1).id()));
        s.ok(MOD, new AskQuestion(s.state.questions().get(0).id()));
        s.ok(MOD, new MarkAnswered(s.state.questions().get(0).id()));
        s.phase(Phase.CLOSING, Phase.ENDED);
        s.ok(MOD, new AddNote(null, NoteTag.OTHER, "Algemene indruk: open sfeer", false));
        return s;
    }

    @Test
    void everyNoteLandsUnderItsThemeAndTag() {
        Script s = ended();
        Report r = Report.of(s.state, s.state.reportDraft(), 0, null);
        assertThat(r.themes()).extracting(Report.ThemeSection::title).containsExactly("Toegang", "Contact", "Eigen regie", null);
        Report.ThemeSection access = r.themes().get(0);
        assertThat(access.strengths()).containsExactly("Vriendelijke ontvangst");
        assertThat(access.improvementPoints()).containsExactly("Wachttijd te lang");
        Report.ThemeSection contact = r.themes().get(1);
        assertThat(contact.wishes()).containsExactly("Eén vast aanspreekpunt");
        assertThat(contact.quotes()).containsExactly("\"Ik voelde me gehoord\"");
        assertThat(r.themes().get(3).other()).containsExactly("Algemene indruk: open sfeer");
        assertThat(r.questions()).extracting(Report.QuestionLine::text, Report.QuestionLine::answered).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Wat bedoelde u met de lijst?", true),
                org.assertj.core.groups.Tuple.tuple("Waarom niet eerder?", false));
        assertThat(r.participants()).isEqualTo(4);
        assertThat(r.listeners()).isEqualTo(2);
    }

    @Test
    void sharesAddUpAndOnlyPseudonymsAppear() {
        Report r = Report.of(ended().state, Report.Draft.EMPTY, 0, null);
        assertThat(r.participation().shares().stream().mapToDouble(Report.Share::share).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(r.participation().shares()).extracting(Report.Share::pseudonym)
                .containsExactly("Anouk", "Bram", "Chantal", "Dirk");
        assertThat(r.toString()).doesNotContain("L-anna", "L-ben", "Anna");
    }

    @Test
    void theModeratorWritesTheDraftAndLeavesNotesOut() {
        Script s = ended();
        String quote = s.state.notes().stream().filter(n -> n.tag() == NoteTag.QUOTE).findFirst().orElseThrow().id();
        s.ok(MOD, new EditReport("Ouders willen één aanspreekpunt.", "Het contact moet persoonlijker.",
                List.of("U krijgt binnen 5 werkdagen een vast aanspreekpunt."), List.of(quote)));
        Report r = Report.of(s.state, s.state.reportDraft(), 0, null);
        assertThat(r.summary()).isEqualTo("Ouders willen één aanspreekpunt.");
        assertThat(r.serviceNorms()).containsExactly("U krijgt binnen 5 werkdagen een vast aanspreekpunt.");
        assertThat(r.themes().get(1).quotes()).isEmpty();
        s.ok(MOD, new EditReport(null, "Anders verwoord.", null, null));
        assertThat(s.state.reportDraft().summary()).isEqualTo("Ouders willen één aanspreekpunt.");
        assertThat(s.state.reportDraft().excludedNoteIds()).containsExactly(quote);
    }

    @Test
    void aFinalisedReportIsFrozenAndLaterEditsMakeANewVersion() {
        Script s = ended();
        s.ok(MOD, new EditReport("Eerste versie", null, List.of(), List.of()));
        s.laterSeconds(30).ok(MOD, new FinalizeReport());
        Report first = s.state.reports().getFirst();
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.finalizedAt()).isEqualTo(s.now);
        String wish = s.state.notes().stream().filter(n -> n.tag() == NoteTag.WISH).findFirst().orElseThrow().id();
        s.ok(MOD, new EditNote(wish, null, "Gewijzigde wens", null));
        s.ok(MOD, new EditReport("Tweede versie", null, null, null));
        assertThat(s.state.reports().getFirst()).isEqualTo(first);
        assertThat(first.themes().get(1).wishes()).containsExactly("Eén vast aanspreekpunt");
        s.ok(MOD, new FinalizeReport());
        assertThat(s.state.reports()).extracting(Report::version, Report::summary)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Eerste versie"),
                        org.assertj.core.groups.Tuple.tuple(2, "Tweede versie"));
        assertThat(s.state.reports().get(1).themes().get(1).wishes()).containsExactly("Gewijzigde wens");
    }

    @Test
    void theReportWaitsForTheEnd() {
        Script s = Script.inConversation();
        s.no(MOD, new EditReport("Te vroeg", null, null, null), "WRONG_PHASE");
        s.no(MOD, new FinalizeReport(), "WRONG_PHASE");
        Script e = ended();
        assertThat(e.no(MOD, new EditReport(null, null, List.of(" "), null), "INVALID").field()).isEqualTo("serviceNorms");
        assertThat(e.no(MOD, new EditReport(null, null, null, List.of("N999")), "UNKNOWN_NOTE").field()).isEqualTo("excludedNoteIds");
        e.no(ANNA, new FinalizeReport(), "FORBIDDEN");
    }
}
