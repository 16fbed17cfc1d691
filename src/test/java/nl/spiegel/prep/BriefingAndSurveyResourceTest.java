package nl.spiegel.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.spiegel.support.Api;
import nl.spiegel.support.TestDatabase;

/** The participants' briefing and the survey's scores over REST, as an organiser prepares a meeting. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class BriefingAndSurveyResourceTest {

    @Test
    void surveyScoresAreImportedFromAFileAndBadRowsAreNamed() throws Exception {
        Api.Created m = Api.createMeeting("Tevredenheid", 2, 0);
        String path = "/api/meetings/" + m.id() + "/survey";
        long before = TestDatabase.events(m.id());
        Api.as(m.moderatorKey()).contentType("text/csv").header("Accept-Language", "nl")
                .body("Thema;Score;Respondenten\nThema 1;7,4;312\nWachttijd;6;20\nThema 2;hoog;20\n")
                .put(path).then().statusCode(400).contentType("application/problem+json")
                .body("field", is("file")).body("rows", hasSize(2))
                .body("rows[0].row", is(3)).body("rows[0].message", containsString("Wachttijd"))
                .body("rows[1].row", is(4)).body("rows[1].column", is("2"))
                .body("detail", containsString("Rij 3")).body("detail", containsString("Rij 4"));
        assertThat(TestDatabase.events(m.id())).as("nothing of a bad file is stored").isEqualTo(before);

        Api.as(m.moderatorKey()).contentType("text/csv").body("Thema;Score;Respondenten\nThema 1;7,4;312\nThema 2;6,9;1.250\n")
                .put(path).then().statusCode(200).body("", hasSize(2))
                .body("[0].title", is("Thema 1")).body("[0].score", is(7.4f)).body("[1].respondents", is(1250));
        Api.as(m.moderatorKey()).get("/api/meetings/" + m.id()).then().statusCode(200)
                .body("meeting.guide[0].survey.score", is(7.4f)).body("meeting.guide[1].survey.respondents", is(1250));
        Api.as(m.moderatorKey()).accept("text/html").get("/api/meetings/" + m.id() + "/report").then().statusCode(200)
                .body(containsString("Klanttevredenheidsonderzoek: 7,4 (312 respondenten)"));
        Api.as(m.moderatorKey()).delete(path).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void theBriefingIsWrittenFromTheFactsAndCanBeRewritten() {
        Api.Created m = Api.createMeeting("{\"title\":\"Spiegelgesprek wonen\",\"scheduledStart\":\"2031-03-18T18:00:00Z\","
                + "\"targetGroup\":\"huurders\"}");
        String path = "/api/meetings/" + m.id() + "/briefing";
        Api.as(m.moderatorKey()).get(path).then().statusCode(200).body("language", is("nl")).body("parts", hasSize(7))
                .body("parts[1].part", is("WHY_YOU")).body("parts[1].text", containsString("als huurders"))
                .body("parts[6].text", containsString("dinsdag 18 maart 2031 om 19:00"))
                .body("parts[6].edited", nullValue());
        Api.as(m.moderatorKey()).body("{\"text\":\"Wij zien u graag in het buurthuis. Koffie staat klaar.\"}")
                .put(path + "/PRACTICAL").then().statusCode(200)
                .body("parts[6].edited", is("Wij zien u graag in het buurthuis. Koffie staat klaar."))
                .body("parts[6].generated", containsString("18 maart 2031"));
        Api.as(m.moderatorKey()).accept("text/html").get("/api/meetings/" + m.id() + "/briefing.html").then().statusCode(200)
                .body(containsString("Informatie voor deelnemers")).body(containsString("Koffie staat klaar"))
                .body(containsString("Uw privacy"));
        Api.as(m.moderatorKey()).accept("text/html").get("/api/meetings/" + m.id() + "/briefing.html?lang=en").then()
                .statusCode(200).body(containsString("Your privacy")).body(containsString("as huurders"));
        Api.as(m.moderatorKey()).body("{\"text\":\"\"}").put(path + "/PRACTICAL").then().statusCode(200)
                .body("parts[6].edited", nullValue());
    }
}
