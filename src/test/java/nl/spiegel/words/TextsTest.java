package nl.spiegel.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Rejection.Detail;
import nl.spiegel.support.TestDatabase;

/** Every rejection of the core has its words in Dutch and in English, with its arguments filled in. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class TextsTest {

    @Test
    void everyRejectionIsSaidInBothLanguages() {
        List<Rejection> rejections = new ArrayList<>();
        for (Rejection.Reason reason : Rejection.Reason.values()) {
            rejections.add(reason.rejection());
        }
        for (Detail detail : List.of(new Detail.Length(1, 200), new Detail.Range(15, 480), new Detail.Needed(),
                new Detail.TrueOrFalse(), new Detail.OneOf(List.of("nl", "en")), new Detail.NotQueued(),
                new Detail.NotItself(), new Detail.AtMost(50), new Detail.NotActionable(),
                new Detail.ControlCharacters(), new Detail.BodyNeeded(), new Detail.NotAModeratorKey(),
                new Detail.RepeatTitle(), new Detail.TryAgainIn(30), new Detail.WebAddress(), new Detail.ContactData(),
                new Detail.Unique(), new Detail.AddsUpTo(100), new Detail.TheMeetingsDate(), new Detail.DateOrNone(),
                new Detail.BadRows(List.of(new Rejection.BadRow(3, Rejection.RowProblem.UNKNOWN_THEME, "1", "Wachttijd"))))) {
            rejections.add(Rejection.invalid("veld", detail));
        }
        assertThat(rejections.stream().map(Rejection::detail).filter(d -> d != null).map(Object::getClass).distinct())
                .as("every kind of detail").hasSize(Detail.class.getPermittedSubclasses().length);
        for (Rejection r : rejections) {
            String nl = Wording.of(Wording.in("nl"), r);
            String en = Wording.of(Wording.in("en"), r);
            assertThat(nl).as("%s in Dutch", r).isNotBlank().doesNotContain("{");
            assertThat(en).as("%s in English", r).isNotBlank().doesNotContain("{").isNotEqualTo(nl);
        }
        assertThat(Wording.of(Wording.in("nl"), Rejection.invalid("title", new Detail.Length(1, 200))))
                .isEqualTo("'title': moet 1 tot 200 tekens lang zijn.");
        assertThat(Wording.of(Wording.in("en"), Rejection.Reason.CIRCLE_FULL.rejection()))
                .isEqualTo("The circle is full: at most 14 participants.");
        for (Rejection.RowProblem problem : Rejection.RowProblem.values()) {
            Rejection.BadRow row = new Rejection.BadRow(4, problem, "2", "hoog");
            assertThat(Wording.of(Wording.in("nl"), row)).as("%s in Dutch", problem).startsWith("Rij 4").doesNotContain("{");
            assertThat(Wording.of(Wording.in("en"), row)).as("%s in English", problem).startsWith("Row 4").doesNotContain("{");
        }
        assertThat(Wording.in("fr").notFound()).isEqualTo("Dit gesprek bestaat niet.");
    }
}
