package nl.spiegel.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

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

/**
 * The debrief as listeners, a team and participants use it: take-aways written on the phone and
 * never seen by another listener, shown to the team from the third writer on; the evaluation card's
 * link and paper cards; the results in the report and across a series.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class DebriefTrackTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void takeAwaysReachNoOtherListenerAndTheTeamOnlyFromTheThird() {
        Api.Created m = Api.createMeeting("Meenemen", 1, 2);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        List<String> keys = new ArrayList<>();
        List<LiveClient> listeners = new ArrayList<>();
        for (String name : List.of("Anna", "Ben", "Carla", "Daan")) {
            String key = Api.join(m.joinCode(), name).getString("key");
            keys.add(key);
            listeners.add(LiveClient.connect(server, m.id(), key).hello(null));
        }
        for (String phase : List.of("LOBBY", "OPENING", "CONVERSATION", "CLARIFYING", "CLOSING")) {
            moderator.command("ChangePhase", "to", phase);
        }
        List<String> texts = List.of("Geheim van Anna", "Geheim van Ben", "Geheim van Carla");
        for (int i = 0; i < 3; i++) {
            long seq = listeners.get(i).command("WriteTakeAway", "slot", 1, "kind", "EYEOPENER", "text", texts.get(i))
                    .get("seq").asLong();
            moderator.awaitSeq(seq);
            if (i < 2) {
                assertThat(moderator.view().get("debrief").get("takeAways").get("shown").asBoolean()).isFalse();
            }
        }
        listeners.get(0).command("WriteTakeAway", "slot", 1, "kind", "DO_DIFFERENTLY", "text", "Bijgewerkt door Anna");
        listeners.get(1).command("RatePerceivedBalance", "score", 4);
        long last = listeners.get(1).command("RatePerceivedBalance", "score", 3).get("seq").asLong();
        moderator.awaitSeq(last);
        assertThat(moderator.view().get("debrief").get("takeAways").get("shown").asBoolean()).isTrue();
        assertThat(moderator.view().get("debrief").toString()).contains("Bijgewerkt door Anna", "Geheim van Ben", "Geheim van Carla");
        assertThat(listeners.get(0).view().get("myTakeAways").get(0).get("text").asText()).isEqualTo("Bijgewerkt door Anna");

        // Raw frames and pages of the other listeners hold no take-away but their own. A change every
        // listener sees comes after all the frames they were sent before it.
        long shared = moderator.command("SetHouseRules", "text", "Iedereen ziet deze huisregels").get("seq").asLong();
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).awaitSeq(shared);
            String frames = String.join("\n", listeners.get(i).frames);
            String page = given().header("Authorization", "Bearer " + keys.get(i)).get("/api/meetings/" + m.id() + "/view").asString();
            for (int j = 0; j < 3; j++) {
                if (j != i) {
                    assertThat(frames).doesNotContain(texts.get(j));
                    assertThat(page).doesNotContain(texts.get(j));
                }
            }
            if (i != 0) {
                assertThat(frames).doesNotContain("Bijgewerkt door Anna");
            }
        }
        // The archive export leaves who wrote what out.
        assertThat(Api.as(m.moderatorKey()).get("/api/meetings/" + m.id() + "/export/meeting.json").asString())
                .doesNotContain("TakeAwayWritten", "PerceivedBalanceRated").contains("Geheim van Ben");
        listeners.forEach(LiveClient::close);
        moderator.close();
    }

    /** A meeting of the series, ended, with three evaluations: two through the card's link, one from paper. */
    private Api.Created evaluated(String title, String organiser, String seriesId, int heard) {
        Api.Created m = Api.createMeeting(title, 1, 2);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        for (String phase : List.of("LOBBY", "OPENING", "CONVERSATION", "CLARIFYING", "CLOSING", "ENDED")) {
            moderator.command("ChangePhase", "to", phase);
        }
        moderator.close();
        Api.as(organiser).body("{\"meetingKey\":\"" + m.moderatorKey() + "\"}").post("/api/series/" + seriesId + "/meetings")
                .then().statusCode(200);
        String path = Api.as(organiser).get("/api/meetings/" + m.id() + "/evaluation/card").then().statusCode(200)
                .body("path", startsWith("/evaluate/")).extract().path("path");
        given().get("/api" + path).then().statusCode(200).body("title", is(title)).body("open", is(true));
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body("{\"heard\":" + heard + ",\"time\":4,\"information\":5,\"again\":5,"
                    + "\"remark\":\"Opmerking " + i + "\"}").post("/api" + path).then().statusCode(201);
        }
        given().contentType(ContentType.JSON).body("{\"remark\":\"  \"}").post("/api" + path).then().statusCode(409)
                .body("code", is("EMPTY_ANSWER"));
        given().contentType(ContentType.JSON).body("{\"heard\":9}").post("/api" + path).then().statusCode(400).body("field", is("heard"));
        given().contentType(ContentType.JSON).body("{\"heard\":5}").post("/api/evaluate/not-a-card").then().statusCode(404);
        Api.as(m.assistantKey()).body("{\"heard\":" + heard + ",\"time\":2}").post("/api/meetings/" + m.id() + "/evaluation")
                .then().statusCode(200).body("evaluation.shown", is(true)).body("evaluation.onPaper", is(1));
        return m;
    }

    @Test
    void participantsEvaluateByCardAndOnPaperAndTheSeriesShowsTheTrend() {
        JsonPath series = given().contentType(ContentType.JSON).body("{\"name\":\"Evaluaties\"}").post("/api/series")
                .then().statusCode(201).extract().jsonPath();
        String organiser = series.getString("organiserKey");
        String seriesId = series.getString("id");
        Api.Created first = evaluated("Voorjaar", organiser, seriesId, 3);
        Api.Created second = evaluated("Najaar", organiser, seriesId, 5);

        Api.as(first.moderatorKey()).accept("text/html").get("/api/meetings/" + first.id() + "/report").then().statusCode(200)
                .body(containsString("Hoe de deelnemers het gesprek vonden")).body(containsString("gemiddeld 3 van 5 (3 antwoorden)"))
                .body(containsString("Opmerking 1"));
        Api.as(organiser).accept("text/html").get("/api/meetings/" + second.id() + "/evaluation/cards.html").then().statusCode(200)
                .body(containsString("Hoe vond u het gesprek?")).body(containsString("<svg")).body(containsString("/evaluate/"));
        JsonPath overview = Api.as(organiser).get("/api/series/" + seriesId).then().statusCode(200).extract().jsonPath();
        assertThat(overview.getList("meetings.title")).containsExactly("Voorjaar", "Najaar");
        assertThat(overview.getFloat("meetings[0].evaluation.items[0].average")).isEqualTo(3.0f);
        assertThat(overview.getFloat("meetings[1].evaluation.items[0].average")).isEqualTo(5.0f);
        assertThat(overview.getList("meetings.evaluation.answers", Integer.class)).containsExactly(3, 3);
        Api.as(organiser).get("/api/meetings/" + first.id() + "/debrief").then().statusCode(200)
                .body("evaluation.remarks", not(org.hamcrest.Matchers.empty()));
    }
}
