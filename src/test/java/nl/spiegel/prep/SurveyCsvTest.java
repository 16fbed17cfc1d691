package nl.spiegel.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Meeting.Theme;
import nl.spiegel.meeting.Preparation.SurveyScore;
import nl.spiegel.meeting.Refused;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Rejection.BadRow;
import nl.spiegel.meeting.Rejection.RowProblem;

/** Survey files as spreadsheets write them, and files with mistakes that must be named row by row. */
class SurveyCsvTest {

    static final List<Theme> GUIDE = List.of(new Theme("T1", "Toegang", "Hoe kwam u bij ons?", 20),
            new Theme("T2", "Contact, en de toon", "Hoe ervaart u het contact?", 20),
            new Theme("T3", "Eigen regie", "Hoeveel zeggenschap heeft u?", 20),
            new Theme("T4", "Informatie", "Weet u waar u aan toe bent?", 20),
            new Theme("T5", "Afspraken", "Komen wij onze afspraken na?", 20));

    @Test
    void readsWhatExcelWritesInDutch() {
        String csv = "\uFEFFThema;Score;Aantal respondenten\r\nToegang;7,4;312\r\n\"Contact, en de toon\";6,9;1.250\r\n;;\r\n";
        assertThat(SurveyCsv.read(csv, GUIDE)).containsExactly(new SurveyScore("T1", 7.4, 312), new SurveyScore("T2", 6.9, 1250));
    }

    @Test
    void readsCommasTabsPercentagesIdsAndNoHeader() {
        assertThat(SurveyCsv.read("toegang,7.4,312\n\"Contact, en de toon\",\"6,9\",40\n", GUIDE))
                .containsExactly(new SurveyScore("T1", 7.4, 312), new SurveyScore("T2", 6.9, 40));
        assertThat(SurveyCsv.read("theme\tscore\trespondents\nT3\t82%\t1 024\n", GUIDE))
                .containsExactly(new SurveyScore("T3", 82.0, 1024));
    }

    @Test
    void namesEveryBadRowAndTakesNothing() {
        String csv = """
                Thema;Score;Respondenten
                Toegang;7,4;312
                Wachttijd;6,0;20
                Eigen regie;hoog;20
                Toegang;8;10
                Contact, en de toon;120;10
                Eigen regie;7
                Informatie;7;0
                Afspraken;7;12,5
                """;
        Refused refused = catchThrowableOfType(Refused.class, () -> SurveyCsv.read(csv, GUIDE));
        assertThat(refused.rejection().field()).isEqualTo("file");
        assertThat(((Rejection.Detail.BadRows) refused.rejection().detail()).rows()).containsExactly(
                new BadRow(3, RowProblem.UNKNOWN_THEME, "1", "Wachttijd"),
                new BadRow(4, RowProblem.NOT_A_NUMBER, "2", "hoog"),
                new BadRow(5, RowProblem.DUPLICATE, "1", "Toegang"),
                new BadRow(6, RowProblem.OUT_OF_RANGE, "2", "120"),
                new BadRow(7, RowProblem.COLUMNS, null, null),
                new BadRow(8, RowProblem.OUT_OF_RANGE, "3", "0"),
                new BadRow(9, RowProblem.NOT_A_NUMBER, "3", "12,5"));
    }

    @Test
    void anEmptyOrHugeFileIsRefused() {
        assertThat(catchThrowableOfType(Refused.class, () -> SurveyCsv.read("Thema;Score;Respondenten\n", GUIDE))
                .rejection().detail()).isEqualTo(new Rejection.Detail.Needed());
        assertThat(catchThrowableOfType(Refused.class, () -> SurveyCsv.read("", GUIDE)).rejection().field()).isEqualTo("file");
        assertThat(catchThrowableOfType(Refused.class, () -> SurveyCsv.read("Toegang;7;1\n".repeat(SurveyCsv.MAX_LINES + 1), GUIDE))
                .rejection().detail()).isEqualTo(new Rejection.Detail.AtMost(SurveyCsv.MAX_LINES));
    }
}
