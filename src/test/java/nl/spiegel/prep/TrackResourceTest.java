package nl.spiegel.prep;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import nl.spiegel.support.Api;
import nl.spiegel.support.TestDatabase;

/** The track planner over REST as an organiser uses it, and its calendar file read back. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class TrackResourceTest {

    @Test
    void theOrganiserPlansTheTrackAndTakesItIntoTheirCalendar() throws Exception {
        Api.Created m = Api.createMeeting("{\"title\":\"Spiegelgesprek wonen\",\"scheduledStart\":\"2031-03-18T18:00:00Z\"}");
        JsonPath series = given().contentType(ContentType.JSON).body("{\"name\":\"Huurders 2031\"}").post("/api/series")
                .then().statusCode(201).extract().jsonPath();
        String organiser = series.getString("organiserKey");
        String seriesId = series.getString("id");
        Api.as(organiser).body("{\"meetingKey\":\"" + m.moderatorKey() + "\"}").post("/api/series/" + seriesId + "/meetings")
                .then().statusCode(200);
        String path = "/api/meetings/" + m.id() + "/track";

        Api.as(organiser).get(path).then().statusCode(200).body("steps", hasSize(10))
                .body("steps[0].milestone", is("GOAL_SET")).body("steps[0].due", is("2031-01-07"))
                .body("steps[0].proposed", is(true)).body("steps[0].status", is("PLANNED"));
        Api.as(organiser).body("{\"due\":\"2031-01-20\",\"owner\":\"MODERATOR\"}").put(path + "/RECRUITING_STARTED")
                .then().statusCode(200).body("steps[2].due", is("2031-01-20")).body("steps[2].proposed", is(false))
                .body("steps[2].owner", is("MODERATOR"));
        Api.as(m.moderatorKey()).body("{\"done\":true}").put(path + "/GOAL_SET/done")
                .then().statusCode(200).body("steps[0].status", is("DONE"));
        Api.as(organiser).body("{\"due\":\"2031-04-01\"}").put(path + "/MEETING").then().statusCode(400)
                .contentType("application/problem+json").body("field", is("due"));
        Api.as(organiser).body("{\"due\":\"gisteren\"}").put(path + "/GOAL_SET").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as(organiser).body("{}").put(path + "/NO_SUCH_STEP").then().statusCode(404);

        byte[] ics = Api.as(organiser).accept("text/calendar").get(path + ".ics").then().statusCode(200)
                .contentType(containsString("text/calendar")).header("Content-Disposition", containsString(".ics"))
                .extract().asByteArray();
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics));
        List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
        assertThat(events).hasSize(10);
        VEvent recruiting = events.get(2);
        assertThat(recruiting.getSummary().getValue()).isEqualTo("Werving deelnemers begonnen – Spiegelgesprek wonen");
        assertThat(recruiting.<Temporal>getDateTimeStart().getDate()).isEqualTo(LocalDate.of(2031, 1, 20));
        assertThat(recruiting.getProperty(Property.DESCRIPTION).orElseThrow().getValue()).isEqualTo("Wie: de gespreksleider");
        assertThat(events.getFirst().getProperty(Property.DESCRIPTION).orElseThrow().getValue()).contains("Gedaan");
        assertThat(events).extracting(e -> e.getProperty(Property.UID).orElseThrow().getValue())
                .doesNotHaveDuplicates().allSatisfy(uid -> assertThat(uid).startsWith(m.id()));

        Api.as(organiser).get("/api/series/" + seriesId + "/track").then().statusCode(200)
                .body("name", is("Huurders 2031")).body("meetings", hasSize(1))
                .body("meetings[0].steps[2].due", is("2031-01-20"));
        byte[] english = Api.as(organiser).get("/api/series/" + seriesId + "/track.ics?lang=en").then().statusCode(200)
                .extract().asByteArray();
        assertThat(new CalendarBuilder().build(new ByteArrayInputStream(english)).<VEvent>getComponents(VEvent.VEVENT)
                .getFirst().getSummary().getValue()).isEqualTo("Goal and target group set – Spiegelgesprek wonen");
        // A moderator's key opens the meeting's track, not the series'.
        Api.as(m.moderatorKey()).get("/api/series/" + seriesId + "/track").then().statusCode(403);
    }
}
