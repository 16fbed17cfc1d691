package nl.spiegel.rehearsal;

import static io.restassured.RestAssured.given;
import static nl.spiegel.support.Management.management;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
 * A rehearsal from start to end, as a moderator practises on the tablet: a copy of the preparation
 * with simulated listeners and questions, marked as practice, never in a report, a series or the
 * metrics, and gone when it ends.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class RehearsalTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void aRehearsalRunsFromStartToEndAndLeavesNoTrace() throws Exception {
        Api.Created source = Api.createMeeting("Spiegelgesprek om te oefenen", 2, 3);
        long sourceEvents = TestDatabase.events(source.id());
        double commandsBefore = counted("spiegel_commands_seconds_count");

        JsonPath copy = Api.as(source.moderatorKey()).post("/api/meetings/" + source.id() + "/rehearsal")
                .then().statusCode(201).body("id", not(is(source.id())))
                .body("meeting.details.practice", is(true)).body("meeting.guide", hasSize(2))
                .body("meeting.participants", hasSize(3)).extract().jsonPath();
        String practice = copy.getString("id");
        String moderatorKey = copy.getString("access.moderatorKey");
        given().header("Authorization", "Bearer " + copy.getString("access.displayKey"))
                .get("/api/meetings/" + practice + "/view").then().statusCode(200).body("view.practice", is(true));

        LiveClient moderator = LiveClient.connect(server, practice, moderatorKey).hello(null);
        moderator.command("ChangePhase", "to", "LOBBY");
        await().atMost(Duration.ofSeconds(20)).until(() -> moderator.view().get("listeners").asInt() == Rehearsals.LISTENERS);
        // A colleague joins the practice with its code, as a real listener: not counted as a join.
        double joinsBefore = counted("spiegel_joins_total");
        String code = copy.getString("access.joinCode");
        Api.join(code, "Oefenaar");
        assertThat(counted("spiegel_joins_total")).as("a practice join is not in the metrics").isEqualTo(joinsBefore);
        moderator.command("ChangePhase", "to", "OPENING");
        moderator.command("ChangePhase", "to", "CONVERSATION");
        // The test profile has a question every second.
        await().atMost(Duration.ofSeconds(20)).until(() -> moderator.view().get("questions").size() >= 3);
        assertThat(moderator.view().get("questions").get(0).get("status").asText()).isEqualTo("WAITING");
        assertThat(moderator.view().get("questions").get(0).get("listenerName").asText()).startsWith("Oefenluisteraar");

        // Never in a report, never in a series.
        Api.as(moderatorKey).accept("text/html").get("/api/meetings/" + practice + "/report").then().statusCode(409)
                .body("code", is("PRACTICE"));
        JsonPath series = given().contentType(ContentType.JSON).body("{\"name\":\"Reeks\"}").post("/api/series")
                .then().statusCode(201).extract().jsonPath();
        Api.as(series.getString("organiserKey")).body("{\"meetingKey\":\"" + moderatorKey + "\"}")
                .post("/api/series/" + series.getString("id") + "/meetings").then().statusCode(409).body("code", is("PRACTICE"));
        // Nor a practice of a practice.
        Api.as(moderatorKey).post("/api/meetings/" + practice + "/rehearsal").then().statusCode(409);

        for (String phase : List.of("CLARIFYING", "CLOSING", "ENDED")) {
            moderator.command("ChangePhase", "to", phase);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> TestDatabase.events(practice) == 0);
        moderator.awaitClosed();
        assertThat(rows("select count(*) from meeting where id = ?", practice)).isZero();
        assertThat(rows("select count(*) from meeting_archive where meeting_id = ?", practice)).isZero();
        assertThat(rows("select count(*) from access_key where meeting_id = ?", practice)).isZero();
        assertThat(counted("spiegel_commands_seconds_count")).as("no command of the rehearsal in the metrics").isEqualTo(commandsBefore);
        assertThat(TestDatabase.events(source.id())).as("the meeting it was copied from is untouched").isEqualTo(sourceEvents);
        Api.as(source.moderatorKey()).get("/api/meetings/" + source.id()).then().statusCode(200)
                .body("meeting.details.practice", is(false));
    }

    /** What a metric counted so far, over all its tags (commands of every type and outcome, joins of every outcome). */
    private static double counted(String metric) {
        return management().get("/q/metrics").asString().lines().filter(l -> l.startsWith(metric))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static long rows(String sql, String meetingId) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(meetingId));
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
