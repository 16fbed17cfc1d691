package nl.spiegel.operations;

import static io.restassured.RestAssured.given;
import static nl.spiegel.support.Management.management;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.LogLines;
import nl.spiegel.support.TestDatabase;

/** What an operator sees of a meeting day: metrics, health, logs; and never what was said, nor a key. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class OperationsTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void metricsShowAMeetingAndNothingOfWhatWasSaid() throws Exception {
        Api.Created m = Api.createMeeting("Geheime titel", 1, 2);
        String listenerKey = Api.join(m.joinCode(), "Herkenbare naam").getString("key");
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        LiveClient listener = LiveClient.connect(server, m.id(), listenerKey).hello(null);
        moderator.command("ChangePhase", "to", "LOBBY");
        moderator.command("AddNote", "text", "Iets wat niemand mag weten", "shared", true);
        moderator.command("GiveFloor", "participantId", "P999");
        listener.awaitSeq(moderator.seq());
        given().get("/api/join/NOPE99").then().statusCode(404);

        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains(
                "spiegel_live_connections{role=\"moderator\"} 1.0",
                "spiegel_live_connections{role=\"listener\"} 1.0",
                "spiegel_live_rooms ",
                "spiegel_live_queued_bytes ",
                "spiegel_live_listening 1.0",
                "spiegel_commands_seconds_count{code=\"none\",outcome=\"applied\",type=\"AddNote\"}",
                "spiegel_commands_seconds_count{code=\"WRONG_PHASE\",outcome=\"rejected\",type=\"GiveFloor\"}",
                "spiegel_live_ack_seconds_count{type=\"AddNote\"}",
                "spiegel_live_fanout_seconds_bucket",
                "spiegel_live_events_read_total{cause=\"command\"}",
                "spiegel_joins_total{outcome=\"joined\"}",
                "spiegel_joins_total{outcome=\"unknown_code\"}");
        assertThat(metrics).doesNotContain("Geheime titel", "Herkenbare naam", "Iets wat niemand", m.id(),
                m.moderatorKey(), listenerKey, m.joinCode(), "NOPE99");

        listener.close();
        moderator.close();
        await(() -> management().get("/q/metrics").asString().contains("spiegel_live_closed_total{reason=\"normal\"}"));

        // The dashboard and the operations page name only metrics the server has (the built-in
        // database's only where it runs one, which these tests do not).
        String served = management().get("/q/metrics").asString();
        for (Path file : List.of(Path.of("deploy/grafana-dashboard.json"), Path.of("docs/operations.md"))) {
            Matcher names = Pattern.compile("spiegel_[a-z_]+").matcher(Files.readString(file));
            while (names.find()) {
                String name = names.group().replaceFirst("_(bucket|count|sum|max)$", "");
                if (!name.startsWith("spiegel_database_embedded")) {
                    assertThat(served).as("%s names %s", file, name).contains(name);
                }
            }
        }
    }

    /** Readiness says whether this node hears other nodes' events: down while LISTEN is lost, up once resubscribed. */
    @Test
    void readinessFollowsTheListenConnection() throws Exception {
        management().get("/q/health/ready").then().statusCode(200);
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN%'");
        }
        await(() -> management().get("/q/health/ready").statusCode() == 503);
        await(() -> management().get("/q/health/ready").statusCode() == 200);
        management().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void everyRequestIsOneLogLineWithoutCodesOrKeys() {
        try (LogLines log = LogLines.of("nl.spiegel.requests")) {
            Api.Created m = Api.createMeeting("{\"title\":\"Logboek\"}");
            given().get("/api/join/" + m.joinCode()).then().statusCode(200);
            m.asModerator().get("/api/meetings/" + m.id()).then().statusCode(200);
            String card = m.asModerator().get("/api/meetings/" + m.id() + "/evaluation/card").then().statusCode(200)
                    .extract().path("path");
            given().get("/api" + card).then().statusCode(200);
            await(() -> log.lines.size() >= 5);
            assertThat(String.join("\n", log.lines)).contains("POST /api/meetings 201", "GET /api/join/… 200",
                    "GET /api/meetings/" + m.id() + " 200", "GET /api/evaluate/… 200")
                    .doesNotContain(m.joinCode(), m.moderatorKey(), card.substring("/evaluate/".length()));
        }
    }

    @Test
    void refusedJoinCodesAreOneLineForAllOfThemNotOneEach() {
        try (LogLines log = LogLines.of("nl.spiegel.requests")) {
            for (String code : List.of("AAAAAA", "BBBBBB", "CCCCCC")) {
                given().get("/api/join/" + code).then().statusCode(404);
                given().contentType("application/json").body("{\"code\":\"" + code + "\"}").post("/api/join")
                        .then().statusCode(404);
            }
            // One line per second in tests: the six may fall in two of them, and the first may also count
            // what a test before this one had refused.
            Pattern summary = Pattern.compile("Join codes refused in the last \\d+ s: \\d+ \\((\\d+) that open nothing, \\d+ over the allowance\\)");
            await(() -> log.lines.stream().map(summary::matcher).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).sum() >= 6);
            assertThat(String.join("\n", log.lines)).doesNotContain("/api/join", "AAAAAA");
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
