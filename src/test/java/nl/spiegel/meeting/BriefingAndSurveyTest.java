package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;
import nl.spiegel.meeting.Preparation.SurveyScore;

/** The organiser's words for the briefing, and a satisfaction survey's scores beside the themes. */
class BriefingAndSurveyTest {

    static final Actor ORGANISER = new Actor(Role.ORGANISER, null);

    @Test
    void aPartOfTheBriefingIsRewrittenAndGoesBack() {
        Spec s = given(prepared())
                .when(ORGANISER, new EditBriefing(BriefingPart.PRACTICAL, " Koffie staat klaar om 18:45. "))
                .then(new BriefingEdited(BriefingPart.PRACTICAL, "Koffie staat klaar om 18:45."));
        s.when(MOD, new EditBriefing(BriefingPart.PRACTICAL, "Koffie staat klaar om 18:45.")).then();
        assertThat(s.state().preparation().briefing()).isEqualTo(Map.of(BriefingPart.PRACTICAL, "Koffie staat klaar om 18:45."));
        s.when(MOD, new EditBriefing(BriefingPart.PRACTICAL, " ")).then(new BriefingEdited(BriefingPart.PRACTICAL, null));
        assertThat(s.state().preparation().briefing()).isEmpty();
        s.when(MOD, new EditBriefing(null, "x")).thenRejected("INVALID");
        s.when(MOD, new EditBriefing(BriefingPart.ABOUT, "x".repeat(Preparation.MAX_BRIEFING_PART + 1))).thenRejected("INVALID");
    }

    @Test
    void surveyScoresStandBesideTheThemes() {
        Spec s = given(prepared())
                .when(ORGANISER, new SetSurvey(List.of(new SurveyScore(TOEGANG, 7.456, 312), new SurveyScore(REGIE, 64.0, 40))))
                .then(new SurveySet(List.of(new SurveyScore(TOEGANG, 7.46, 312), new SurveyScore(REGIE, 64.0, 40))));
        assertThat(Views.moderator(s.state(), s.now()).guide()).extracting(Views.ThemeProgress::survey)
                .containsExactly(new SurveyScore(TOEGANG, 7.46, 312), null, new SurveyScore(REGIE, 64.0, 40));
        assertThat(Report.of(s.state(), s.state().reportDraft(), 0, null).themes().getFirst().survey())
                .isEqualTo(new SurveyScore(TOEGANG, 7.46, 312));
        // A theme taken out of the guide takes its score along.
        s.when(MOD, new RemoveTheme(REGIE)).then(new ThemeRemoved(REGIE));
        assertThat(s.state().preparation().survey()).extracting(SurveyScore::themeId).containsExactly(TOEGANG);
        s.when(ORGANISER, new SetSurvey(List.of())).then(new SurveySet(List.of()));
    }

    @Test
    void badScoresAreRefusedWhole() {
        Spec s = given(prepared());
        s.when(ORGANISER, new SetSurvey(List.of(new SurveyScore("T999", 7.0, 10)))).thenRejected("UNKNOWN_THEME");
        s.when(ORGANISER, new SetSurvey(List.of(new SurveyScore(TOEGANG, 7.0, 10), new SurveyScore(TOEGANG, 8.0, 10))))
                .thenRejected("INVALID");
        s.when(ORGANISER, new SetSurvey(List.of(new SurveyScore(TOEGANG, 101.0, 10)))).thenRejected("INVALID");
        s.when(ORGANISER, new SetSurvey(List.of(new SurveyScore(TOEGANG, Double.NaN, 10)))).thenRejected("INVALID");
        s.when(ORGANISER, new SetSurvey(List.of(new SurveyScore(TOEGANG, 7.0, 0)))).thenRejected("INVALID");
        s.when(ORGANISER, new SetSurvey(null)).thenRejected("INVALID");
        assertThat(s.state().preparation().survey()).isEmpty();
    }
}
