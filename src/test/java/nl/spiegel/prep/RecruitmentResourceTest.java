package nl.spiegel.prep;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import nl.spiegel.support.Api;
import nl.spiegel.support.TestDatabase;
import java.net.URI;
import io.quarkus.test.common.http.TestHTTPResource;
import nl.spiegel.support.LiveClient;

/**
 * Recruiting over REST as the organiser of a series does it: the cross-section, places without
 * contact data, the gift, the warnings; then the moderator's attendance in the lobby.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class RecruitmentResourceTest {

    @TestHTTPResource("/")
    URI server;

    private static String organiserOf(Api.Created meeting) {
        JsonPath series = given().contentType(ContentType.JSON).body("{\"name\":\"Werving\"}").post("/api/series")
                .then().statusCode(201).extract().jsonPath();
        String organiser = series.getString("organiserKey");
        Api.as(organiser).body("{\"meetingKey\":\"" + meeting.moderatorKey() + "\"}")
                .post("/api/series/" + series.getString("id") + "/meetings").then().statusCode(200);
        return organiser;
    }

    @Test
    void theOrganiserRecruitsACrossSectionWithoutContactData() throws Exception {
        Api.Created m = Api.createMeeting("Werving jeugdzorg", 1, 0);
        String organiser = organiserOf(m);
        String path = "/api/meetings/" + m.id();
        Api.as(organiser).body("""
                {"categories":[{"name":"Leeftijd","shares":[{"value":"18-40","percent":50},{"value":"40+","percent":50}]}]}""")
                .put(path + "/cross-section").then().statusCode(200)
                .body("recruitment.crossSection[0].shares", hasSize(2));
        String eva = Api.as(organiser).body("{\"pseudonym\":\"Eva\",\"gift\":true,\"profile\":{\"Leeftijd\":\"40+\"}}")
                .post(path + "/participants").then().statusCode(201)
                .body("recruitment.places[0].status", is("INVITED")).body("recruitment.places[0].seat", is(1))
                .body("recruitment.coverage.warnings.kind", hasItem("FEW_CONFIRMED"))
                .extract().path("createdId");
        Api.as(organiser).body("{\"status\":\"CONFIRMED\"}").put(path + "/participants/" + eva + "/status")
                .then().statusCode(200).body("recruitment.coverage.confirmed", is(1))
                .body("recruitment.coverage.crossSection[0].shares[1].confirmed", is(1))
                .body("recruitment.coverage.warnings.kind", hasItem("MIX_OFF"));

        long before = TestDatabase.events(m.id());
        for (String contact : List.of("eva@example.nl", "eva (at) ziggo (dot) nl", "06-12345678", "+31 6 1234 5678")) {
            Api.as(organiser).header("Accept-Language", "nl").body("{\"pseudonym\":\"" + contact + "\"}")
                    .post(path + "/participants").then().statusCode(400).contentType("application/problem+json")
                    .body("field", is("pseudonym")).body("detail", containsString("contactgegevens"));
            Api.as(organiser).body("{\"pseudonym\":\"" + contact + "\"}").put(path + "/participants/" + eva)
                    .then().statusCode(400);
        }
        assertThat(TestDatabase.events(m.id())).as("nothing stored").isEqualTo(before);
        assertThat(Api.as(m.moderatorKey()).get(path + "/recruitment").asString()).doesNotContain("@", "12345678");

        // Cancelling is one tap and asks nothing; the seat is free again.
        Api.as(organiser).body("{\"status\":\"CANCELLED\"}").put(path + "/participants/" + eva + "/status")
                .then().statusCode(200).body("recruitment.places[0].seat", nullValue());
    }

    @Test
    void theModeratorMarksWhoCameAndNoShowsLeaveTheCircle() {
        Api.Created m = Api.createMeeting("Aanwezigheid", 1, 3);
        String path = "/api/meetings/" + m.id();
        Api.as(m.moderatorKey()).body("{\"status\":\"NO_SHOW\"}").put(path + "/participants/P2/status")
                .then().statusCode(409).body("code", is("WRONG_PHASE"));
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        moderator.command("ChangePhase", "to", "LOBBY");
        JsonPath places = Api.as(m.moderatorKey()).get(path + "/recruitment").then().statusCode(200).extract().jsonPath();
        String third = places.getString("places[2].id");
        Api.as(m.moderatorKey()).body("{\"status\":\"NO_SHOW\"}").put(path + "/participants/" + third + "/status")
                .then().statusCode(200);
        Api.as(m.moderatorKey()).get(path).then().statusCode(200).body("meeting.participants", hasSize(2))
                .body("meeting.freeSeats", hasItem(3));
        // Live, the same tap: the late one comes in after all.
        moderator.command("SetParticipantStatus", "participantId", third, "status", "PRESENT");
        assertThat(moderator.view().get("participants")).hasSize(3);
        moderator.close();
    }
}
