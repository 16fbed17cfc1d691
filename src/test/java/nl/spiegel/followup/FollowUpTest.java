package nl.spiegel.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.TestDatabase;

/** Improvement actions and series, as the moderator and an organiser use them over REST. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class FollowUpTest {

    @TestHTTPResource("/")
    URI server;

    /** An ended meeting with two improvement points; returns it and the ids of those notes. */
    private record Ended(Api.Created meeting, List<String> points, String unpublished) {}

    private Ended ended(String title, String... improvementPoints) {
        Api.Created m = Api.createMeeting(title, 1, 2);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        for (String phase : List.of("LOBBY", "OPENING", "CONVERSATION")) {
            moderator.command("ChangePhase", "to", phase);
        }
        for (String point : improvementPoints) {
            moderator.command("AddNote", "tag", "IMPROVEMENT_POINT", "text", point);
        }
        moderator.command("AddNote", "tag", "STRENGTH", "text", "Vriendelijk");
        moderator.command("AddNote", "tag", "IMPROVEMENT_POINT", "text", "Alleen voor ons");
        for (String phase : List.of("CLARIFYING", "CLOSING", "ENDED")) {
            moderator.command("ChangePhase", "to", phase);
        }
        List<String> points = new ArrayList<>();
        String[] unpublished = new String[1];
        moderator.view().get("notes").forEach(n -> {
            if (n.get("text").asText().equals("Alleen voor ons")) {
                unpublished[0] = n.get("id").asText();
            } else if (n.get("tag").asText().equals("IMPROVEMENT_POINT")) {
                points.add(n.get("id").asText());
            }
        });
        // Left out of the report, so it stays inside: the organiser never sees it.
        moderator.command("EditReport", "excludedNoteIds", List.of(unpublished[0]));
        moderator.command("FinalizeReport");
        moderator.close();
        return new Ended(m, points, unpublished[0]);
    }

    @Test
    void anOrganiserFollowsTheActionsOfASeries() {
        Ended citizens = ended("Inwoners", "Wachttijd te lang", "Brieven onduidelijk");
        Ended entrepreneurs = ended("Ondernemers", "Vergunning duurt lang");

        JsonPath created = given().contentType(ContentType.JSON)
                .body("{\"name\":\"Klantgesprekken 2027\",\"description\":\"Per doelgroep\"}")
                .post("/api/series").then().statusCode(201).extract().jsonPath();
        String seriesId = created.getString("id");
        String organiser = created.getString("organiserKey");
        assertThat(created.getString("link")).startsWith("/series/" + seriesId + "#key=");
        Api.as(organiser).get("/api/series/" + seriesId).then().statusCode(200).body("meetings", hasSize(0));
        for (Ended e : List.of(citizens, entrepreneurs)) {
            Api.as(organiser).body("{\"meetingKey\":\"" + e.meeting().moderatorKey() + "\"}")
                    .post("/api/series/" + seriesId + "/meetings").then().statusCode(200);
        }

        String actionId = citizens.meeting().asModerator()
                .body("{\"noteId\":\"" + citizens.points().get(0) + "\",\"owner\":\"Team toegang\",\"due\":\"2027-06-01\"}")
                .post("/api/meetings/" + citizens.meeting().id() + "/actions").then().statusCode(200)
                .body("title", is("Wachttijd te lang")).body("status", is("OPEN")).extract().path("id");
        entrepreneurs.meeting().asModerator()
                .body("{\"noteId\":\"" + entrepreneurs.points().get(0) + "\",\"title\":\"Vergunning in 4 weken\",\"owner\":\"Vergunningen\"}")
                .post("/api/meetings/" + entrepreneurs.meeting().id() + "/actions").then().statusCode(200);

        Api.as(organiser).body("{\"status\":\"IN_PROGRESS\"}")
                .put("/api/meetings/" + citizens.meeting().id() + "/actions/" + actionId).then().statusCode(200)
                .body("status", is("IN_PROGRESS")).body("history", hasSize(2));
        // A due date is taken away on purpose: left out, it would be kept.
        Api.as(organiser).body("{\"status\":\"DONE\",\"owner\":\"Teamleider toegang\",\"noDue\":true}")
                .put("/api/meetings/" + citizens.meeting().id() + "/actions/" + actionId).then().statusCode(200)
                .body("due", nullValue());

        JsonPath overview = Api.as(organiser).get("/api/series/" + seriesId).then().statusCode(200).extract().jsonPath();
        assertThat(overview.getString("name")).isEqualTo("Klantgesprekken 2027");
        assertThat(overview.getList("meetings.title")).containsExactly("Inwoners", "Ondernemers");
        assertThat(overview.getList("meetings[0].improvementPoints.text")).containsExactly("Wachttijd te lang", "Brieven onduidelijk");
        assertThat(overview.getList("meetings[1].improvementPoints.text")).containsExactly("Vergunning duurt lang");
        assertThat(overview.getList("meetings[0].actions[0].history.status")).containsExactly("OPEN", "IN_PROGRESS", "DONE");
        assertThat(overview.getString("meetings[0].actions[0].owner")).isEqualTo("Teamleider toegang");
        assertThat(overview.getInt("actionsByStatus.DONE")).isEqualTo(1);
        assertThat(overview.getInt("actionsByStatus.OPEN")).isEqualTo(1);

        // What the report left out does not exist for the organiser, also not through an action.
        assertThat(overview.prettify()).doesNotContain("Alleen voor ons");
        Api.as(organiser).body("{\"noteId\":\"" + citizens.unpublished() + "\",\"owner\":\"Iemand\"}")
                .post("/api/meetings/" + citizens.meeting().id() + "/actions").then().statusCode(404)
                .body("code", is("UNKNOWN_NOTE"));
        String insideAction = citizens.meeting().asModerator()
                .body("{\"noteId\":\"" + citizens.unpublished() + "\",\"owner\":\"Team\"}")
                .post("/api/meetings/" + citizens.meeting().id() + "/actions").then().statusCode(200).extract().path("id");
        assertThat(Api.as(organiser).get("/api/meetings/" + citizens.meeting().id() + "/actions").then().statusCode(200)
                .extract().jsonPath().getList("id")).doesNotContain(insideAction);
        Api.as(organiser).body("{\"status\":\"DONE\"}")
                .put("/api/meetings/" + citizens.meeting().id() + "/actions/" + insideAction).then().statusCode(404);
        assertThat(Api.as(organiser).get("/api/series/" + seriesId).then().extract().asString()).doesNotContain("Alleen voor ons");
    }

    @Test
    void withoutTheRightLinkNothingOpens() {
        Ended e = ended("Afgeschermd", "Punt");
        String seriesId = given().contentType(ContentType.JSON).body("{\"name\":\"Reeks\"}").post("/api/series")
                .then().statusCode(201).extract().path("id");
        String otherOrganiser = given().contentType(ContentType.JSON).body("{\"name\":\"Andere reeks\"}").post("/api/series")
                .then().statusCode(201).extract().path("organiserKey");
        given().get("/api/series/" + seriesId).then().statusCode(401);
        // A valid key that opens something else is forbidden here, like a key of another meeting.
        Api.as(e.meeting().moderatorKey()).get("/api/series/" + seriesId).then().statusCode(403);
        Api.as(otherOrganiser).get("/api/series/" + seriesId).then().statusCode(403);
        Api.as(otherOrganiser).body("{\"meetingKey\":\"" + e.meeting().moderatorKey() + "\"}")
                .post("/api/series/" + seriesId + "/meetings").then().statusCode(403);

        Api.as(e.meeting().displayKey()).get("/api/meetings/" + e.meeting().id() + "/actions").then().statusCode(403);
        Api.as(otherOrganiser).body("{\"noteId\":\"" + e.points().get(0) + "\",\"owner\":\"Team\"}")
                .post("/api/meetings/" + e.meeting().id() + "/actions").then().statusCode(403);
        Api.as("verzonnen").get("/api/meetings/" + e.meeting().id() + "/actions").then().statusCode(401)
                .body("code", is("UNAUTHORIZED"));
        given().contentType(ContentType.JSON).body("{\"name\":\"\"}").post("/api/series").then().statusCode(400)
                .body("field", is("name"));
        e.meeting().asModerator().body("{\"noteId\":\"" + e.points().get(0) + "\",\"owner\":\" \"}")
                .post("/api/meetings/" + e.meeting().id() + "/actions").then().statusCode(400).body("field", is("owner"));
    }
}
