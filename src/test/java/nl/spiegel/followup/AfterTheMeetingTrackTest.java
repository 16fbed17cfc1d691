package nl.spiegel.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.TestDatabase;

/**
 * The track after the meeting over REST and live, as an organiser, a moderator and a participant
 * with the follow-up link use it: the register of norms across a series, the follow-up page and its
 * link, the letter with its versions, answers in writing, and what survives a meeting's erasure.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class AfterTheMeetingTrackTest {

    @TestHTTPResource("/")
    URI server;

    /** A finalised meeting of a series, with a published improvement point and a private note. */
    private record Held(Api.Created meeting, String point, String question) {}

    private Held held(String title, String organiser, String seriesId, boolean withQuestion) {
        Api.Created m = Api.createMeeting(title, 1, 2);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        String listenerKey = Api.join(m.joinCode(), "Sanne").getString("key");
        LiveClient listener = LiveClient.connect(server, m.id(), listenerKey).hello(null);
        for (String phase : List.of("LOBBY", "OPENING", "CONVERSATION")) {
            moderator.command("ChangePhase", "to", phase);
        }
        moderator.command("AddNote", "tag", "IMPROVEMENT_POINT", "text", "Deelnemer 1 wacht te lang op een terugbelverzoek");
        moderator.command("AddNote", "tag", "OTHER", "text", "Privé: Deelnemer 2 kwam te laat");
        String question = null;
        if (withQuestion) {
            JsonNode ack = listener.command("SubmitQuestion", "text", "Hoe vaak belde u zelf?");
            // The listener's ack may come before the moderator's change: wait for it.
            moderator.awaitSeq(ack.get("seq").asLong());
            question = moderator.view().get("questions").get(0).get("id").asText();
            moderator.command("AcceptQuestion", "questionId", question);
        }
        for (String phase : List.of("CLARIFYING", "CLOSING", "ENDED")) {
            moderator.command("ChangePhase", "to", phase);
        }
        String point = null;
        String privateNote = null;
        for (JsonNode n : moderator.view().get("notes")) {
            if (n.get("tag").asText().equals("IMPROVEMENT_POINT")) {
                point = n.get("id").asText();
            } else {
                privateNote = n.get("id").asText();
            }
        }
        moderator.command("EditReport", "excludedNoteIds", List.of(privateNote), "serviceNorms",
                List.of("Wie belt, hoort binnen twee werkdagen iets"));
        moderator.command("FinalizeReport");
        List.of(moderator, listener).forEach(LiveClient::close);
        Api.as(organiser).body("{\"meetingKey\":\"" + m.moderatorKey() + "\"}").post("/api/series/" + seriesId + "/meetings")
                .then().statusCode(200);
        return new Held(m, point, question);
    }

    private static JsonPath series(String name) {
        return given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}").post("/api/series")
                .then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aNormMadeFromOneMeetingIsEvaluatedInTheNextAndTheVerdictReachesTheRegister() {
        JsonPath s = series("Cliënten 2027");
        String seriesId = s.getString("id");
        String organiser = s.getString("organiserKey");
        Held first = held("Burgers, voorjaar", organiser, seriesId, false);

        // A norm made from the first meeting's published improvement point; a private note cannot be a source.
        String normId = Api.as(organiser).body("{\"text\":\"Wie belt, wordt binnen twee werkdagen teruggebeld\",\"meetingId\":\""
                        + first.meeting().id() + "\",\"noteIds\":[\"" + first.point() + "\"]}")
                .post("/api/series/" + seriesId + "/norms").then().statusCode(201)
                .body("status", is("CONCEPT")).body("sources[0].kind", is("IMPROVEMENT_POINT"))
                .body("sources[0].meetingTitle", is("Burgers, voorjaar")).extract().path("id");
        Api.as(organiser).body("{\"text\":\"Iets\",\"meetingId\":\"" + first.meeting().id() + "\",\"noteIds\":[\"N999\"]}")
                .post("/api/series/" + seriesId + "/norms").then().statusCode(404).body("code", is("UNKNOWN_NOTE"));
        Api.as(organiser).body("{\"status\":\"MEASURED\"}").put("/api/series/" + seriesId + "/norms/" + normId)
                .then().statusCode(400).body("field", is("status"));
        Api.as(organiser).body("{\"status\":\"ADOPTED\"}").put("/api/series/" + seriesId + "/norms/" + normId)
                .then().statusCode(200).body("status", is("ADOPTED"))
                .body("canBecome", org.hamcrest.Matchers.contains("MEASURED", "REVISED", "RETIRED"));
        // The series overview names every published note, to make a norm from, and the report's concept norms.
        JsonPath line = Api.as(organiser).get("/api/series/" + seriesId).then().statusCode(200).extract().jsonPath();
        assertThat(line.getList("meetings[0].notes.noteId")).containsExactly(first.point());
        assertThat(line.getList("meetings[0].notes.tag")).containsExactly("IMPROVEMENT_POINT");
        assertThat(line.getList("meetings[0].conceptNorms")).containsExactly("Wie belt, hoort binnen twee werkdagen iets");
        Api.as(first.meeting().moderatorKey()).body("{\"status\":\"RETIRED\"}").put("/api/series/" + seriesId + "/norms/" + normId)
                .then().statusCode(403);

        // The second meeting of the series puts it on its guide and evaluates it during the conversation.
        Api.Created second = Api.createMeeting("Burgers, najaar", 1, 2);
        Api.as(organiser).body("{\"meetingKey\":\"" + second.moderatorKey() + "\"}").post("/api/series/" + seriesId + "/meetings")
                .then().statusCode(200);
        Api.Created alone = Api.createMeeting("Nog in geen reeks", 1, 0);
        alone.asModerator().get("/api/meetings/" + alone.id() + "/norms").then().statusCode(200)
                .body("inSeries", is(false)).body("norms", org.hamcrest.Matchers.empty());
        second.asModerator().get("/api/meetings/" + second.id() + "/norms").then().statusCode(200)
                .body("inSeries", is(true)).body("norms.id", org.hamcrest.Matchers.hasItem(normId));
        second.asModerator().body("{\"normId\":\"" + normId + "\"}").post("/api/meetings/" + second.id() + "/norms")
                .then().statusCode(200).body("meeting.norms[0].text", is("Wie belt, wordt binnen twee werkdagen teruggebeld"));
        LiveClient moderator = LiveClient.connect(server, second.id(), second.moderatorKey()).hello(null);
        // Over the live connection a norm's text could be made up: the server does not take it there.
        assertThat(moderator.command("ImportNorm", "normId", "x", "text", "Verzonnen").path("code").asText()).isEqualTo("UNKNOWN_TYPE");
        for (String phase : List.of("LOBBY", "OPENING", "CONVERSATION")) {
            moderator.command("ChangePhase", "to", phase);
        }
        assertThat(moderator.command("EvaluateNorm", "normId", normId, "verdict", "NOT_MET", "note", "Meestal na een week")
                .path("type").asText()).isEqualTo("ack");
        moderator.close();

        JsonPath norm = Api.as(organiser).get("/api/series/" + seriesId + "/norms/" + normId).then().statusCode(200).extract().jsonPath();
        assertThat(norm.getString("status")).isEqualTo("MEASURED");
        assertThat(norm.getString("history[-1].verdict")).isEqualTo("NOT_MET");
        assertThat(norm.getString("history[-1].meetingId")).isEqualTo(second.id());
        assertThat(norm.getString("history[-1].meetingTitle")).isEqualTo("Burgers, najaar");
        assertThat(norm.getList("history.status")).containsExactly("CONCEPT", "ADOPTED", "MEASURED");

        // Carried into another series of the same organisation, with both organisers' keys.
        JsonPath other = series("Ondernemers 2027");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + other.getString("organiserKey"))
                .body("{\"normId\":\"" + normId + "\",\"seriesKey\":\"" + organiser + "\"}")
                .post("/api/series/" + other.getString("id") + "/carried-norms").then().statusCode(201)
                .body("status", is("MEASURED")).body("carriedFrom", is(normId)).body("sources[0].kind", is("IMPROVEMENT_POINT"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + other.getString("organiserKey"))
                .body("{\"normId\":\"" + normId + "\",\"seriesKey\":\"" + second.moderatorKey() + "\"}")
                .post("/api/series/" + other.getString("id") + "/carried-norms").then().statusCode(403);
    }

    @Test
    void theFollowUpPageShowsWhatWasDoneNamesNoOneUpdatesLiveAndItsLinkCanBeRevoked() throws Exception {
        JsonPath s = series("Jeugd 2027");
        String organiser = s.getString("organiserKey");
        Held held = held("Ouders", organiser, s.getString("id"), true);
        String id = held.meeting().id();
        String actionId = held.meeting().asModerator().body("{\"noteId\":\"" + held.point() + "\",\"title\":\"Intern: belrooster"
                        + " Deelnemer 1\",\"owner\":\"Team klantcontact\",\"due\":\"2027-06-01\",\"publicTitle\":\"Terugbellen binnen"
                        + " twee werkdagen\"}")
                .post("/api/meetings/" + id + "/actions").then().statusCode(200).extract().path("id");
        // The question nobody asked in time is answered in writing by the organiser.
        Api.as(organiser).body("{\"answer\":\"Meestal twee keer\"}").put("/api/meetings/" + id + "/questions/" + held.question() + "/answer")
                .then().statusCode(200).body("answer", is("Meestal twee keer"));

        given().get("/api/followup/onbekend").then().statusCode(404);
        Api.as(held.meeting().displayKey()).post("/api/meetings/" + id + "/followup-link").then().statusCode(403);
        String token = Api.as(organiser).post("/api/meetings/" + id + "/followup-link").then().statusCode(200).extract().path("token");
        String page = given().get("/api/followup/" + token).then().statusCode(200)
                .body("live", is(true)).body("page.published", is(true)).body("page.done[0].wording", is("Terugbellen binnen twee werkdagen"))
                .body("page.done[0].status", is("OPEN")).body("page.answers[0].answer", is("Meestal twee keer"))
                .extract().asString();
        assertThat(page).contains("een deelnemer wacht te lang").doesNotContain("Deelnemer 1", "Deelnemer 2", "Privé", "Intern",
                "Sanne", "speakingMs", "share", "listenerId");

        // Followed live with the link as its key: a status the organiser sets shows within a second.
        LiveClient live = LiveClient.connect(server, id, token).hello(null);
        assertThat(live.messages.getFirst().path("role").asText()).isEqualTo("PUBLIC");
        int before = live.messages.size();
        Instant changed = Instant.now();
        Api.as(organiser).body("{\"status\":\"IN_PROGRESS\"}").put("/api/meetings/" + id + "/actions/" + actionId).then().statusCode(200);
        live.awaitMessage(before, frame -> frame.path("type").asText().equals("change")
                && (frame.path("view").has("done") || frame.path("items").has("done")));
        assertThat(Duration.between(changed, Instant.now())).isLessThan(Duration.ofSeconds(1));
        assertThat(live.view().path("done").get(0).path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(live.command("SetHouseRules", "text", "Nee").path("code").asText()).isEqualTo("FORBIDDEN");
        for (String frame : live.frames) {
            assertThat(frame).doesNotContain("Deelnemer 1", "Deelnemer 2", "Privé", "Intern", "Sanne", "speakingMs");
        }

        // A new link revokes the old one: it answers 410 at once, and its live connection closes.
        String renewed = Api.as(held.meeting().moderatorKey()).post("/api/meetings/" + id + "/followup-link").then().statusCode(200)
                .extract().path("token");
        given().get("/api/followup/" + token).then().statusCode(410).body("code", is("GONE"));
        given().get("/api/followup/" + renewed).then().statusCode(200);
        live.awaitClosed();
        assertThat(live.closeCode).isEqualTo(4401);
        Api.as(organiser).delete("/api/meetings/" + id + "/followup-link").then().statusCode(200);
        given().get("/api/followup/" + renewed).then().statusCode(410);
    }

    @Test
    void theLetterKeepsItsVersionsAndCarriesTheFollowUpLinkWithAQrCode() {
        JsonPath s = series("Brieven");
        String organiser = s.getString("organiserKey");
        Held held = held("Bedankt", organiser, s.getString("id"), false);
        String id = held.meeting().id();
        String token = Api.as(organiser).post("/api/meetings/" + id + "/followup-link").then().extract().path("token");
        held.meeting().asModerator().body("{\"greeting\":\"Beste ouder,\",\"closing\":\"Dank voor uw tijd.\",\"signature\":\"Team Jeugd\"}")
                .put("/api/meetings/" + id + "/report/letter").then().statusCode(200).body("version", is(1));
        Api.as(organiser).body("{\"greeting\":\"Beste ouder,\",\"closing\":\"Nogmaals dank.\",\"signature\":\"Gemeente, team Jeugd\"}")
                .put("/api/meetings/" + id + "/report/letter").then().statusCode(200).body("version", is(2));
        Api.as(organiser).body("{\"greeting\":\"\",\"closing\":\"x\",\"signature\":\"y\"}").put("/api/meetings/" + id + "/report/letter")
                .then().statusCode(400).body("field", is("greeting"));
        String letter = Api.as(organiser).get("/api/meetings/" + id + "/report/letter").then().statusCode(200).extract().asString();
        assertThat(letter).contains("Nogmaals dank.", "Gemeente, team Jeugd", "/followup/" + token, "<svg", "class=\"qr\"")
                .doesNotContain("Dank voor uw tijd.", "contenteditable");
        assertThat(Api.as(organiser).get("/api/meetings/" + id + "/report/letter?version=1").then().extract().asString())
                .contains("Dank voor uw tijd.");
        assertThat(Api.as(organiser).get("/api/meetings/" + id + "/report/letter/versions").then().extract().jsonPath()
                .getList("version")).containsExactly(1, 2);
        // The organiser reads finalised reports, never the moderator's draft.
        Api.as(organiser).get("/api/meetings/" + id + "/report").then().statusCode(403);
        Api.as(organiser).get("/api/meetings/" + id + "/report?version=1").then().statusCode(200);
    }

    @Test
    void afterTheErasureTheSeriesAndTheFollowUpPageStillShowTheActionsAndTheNorms() {
        JsonPath s = series("Bewaren");
        String seriesId = s.getString("id");
        String organiser = s.getString("organiserKey");
        Held held = held("Wordt gewist", organiser, seriesId, false);
        String id = held.meeting().id();
        held.meeting().asModerator().body("{\"noteId\":\"" + held.point() + "\",\"owner\":\"Team\",\"publicTitle\":\"Sneller terugbellen\","
                        + "\"due\":\"2020-01-31\"}")
                .post("/api/meetings/" + id + "/actions").then().statusCode(200);
        Api.as(organiser).body("{\"text\":\"Terugbellen binnen twee dagen\",\"meetingId\":\"" + id + "\",\"noteIds\":[\""
                + held.point() + "\"]}").post("/api/series/" + seriesId + "/norms").then().statusCode(201);
        String token = Api.as(organiser).post("/api/meetings/" + id + "/followup-link").then().extract().path("token");

        held.meeting().asModerator().body("{\"title\":\"Wordt gewist\"}").post("/api/meetings/" + id + "/erase").then().statusCode(204);

        JsonPath overview = Api.as(organiser).get("/api/series/" + seriesId).then().statusCode(200).extract().jsonPath();
        assertThat(overview.getBoolean("meetings[0].erased")).isTrue();
        assertThat(overview.getString("meetings[0].title")).isEqualTo("Wordt gewist");
        assertThat(overview.getList("meetings[0].actions.publicTitle")).containsExactly("Sneller terugbellen");
        assertThat(overview.getList("meetings[0].overdueActionIds")).containsExactlyElementsOf(overview.getList("meetings[0].actions.id"));
        assertThat(overview.getString("meetings[0].followUpLink")).as("the page still works from the archive").isEqualTo("/followup/" + token);
        assertThat(overview.getList("norms.text")).containsExactly("Terugbellen binnen twee dagen");
        given().get("/api/followup/" + token).then().statusCode(200).body("live", is(false))
                .body("page.done[0].wording", is("Sneller terugbellen")).body("norms[0].text", is("Terugbellen binnen twee dagen"));
        held.meeting().asModerator().get("/api/meetings/" + id).then().statusCode(401);
    }

    @Test
    void badInputChangesNothingAndOnlyTheOrganiserKeepsTheRegister() {
        JsonPath s = series("Grenzen");
        String seriesId = s.getString("id");
        String organiser = s.getString("organiserKey");
        Api.as(organiser).body("{\"text\":\"\"}").post("/api/series/" + seriesId + "/norms").then().statusCode(400).body("field", is("text"));
        Api.as(organiser).body("{\"text\":\"" + "x".repeat(501) + "\"}").post("/api/series/" + seriesId + "/norms").then().statusCode(400);
        List<String> ids = new ArrayList<>();
        ids.add(Api.as(organiser).body("{\"text\":\"Norm\"}").post("/api/series/" + seriesId + "/norms").then().statusCode(201)
                .extract().path("id"));
        Api.as(organiser).get("/api/series/" + seriesId + "/norms").then().statusCode(200).body("size()", is(1));
        given().get("/api/series/" + seriesId + "/norms").then().statusCode(401);
        Api.as(organiser).body("{\"status\":\"REVISED\"}").put("/api/series/" + seriesId + "/norms/" + ids.getFirst()).then().statusCode(400);
        Api.as(organiser).body("{\"status\":\"ADOPTED\"}").put("/api/series/" + seriesId + "/norms/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).body("code", is("UNKNOWN_NORM"));
        Api.as(organiser).get("/api/series/" + seriesId + "/norms/" + ids.getFirst()).then().statusCode(200)
                .body("status", is("CONCEPT")).body("history.size()", is(1));
    }
}
