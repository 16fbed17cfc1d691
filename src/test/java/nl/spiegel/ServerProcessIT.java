package nl.spiegel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import nl.spiegel.store.EmbeddedPostgres;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.PackagedServer;
import nl.spiegel.support.TestDatabase;

/**
 * The packaged server as a user runs it ({@code java -jar}): zero config with its own PostgreSQL,
 * surviving restarts and {@code kill -9}, or a database given at run time and no PostgreSQL of its own.
 */
class ServerProcessIT {

    @Test
    void zeroConfigKeepsMeetingsAcrossRestartsAndKills() throws Exception {
        Path work = Files.createTempDirectory("spiegel-run");
        Path data = work.resolve("data");
        String id;
        try (PackagedServer server = PackagedServer.start(work, Map.of())) {
            id = server.createMeeting("Blijft bewaard");
            assertThat(data.resolve("postgres/PG_VERSION")).exists();
            assertThat(postgresOn(data)).hasSize(1);
            server.kill9();
            await("PostgreSQL stops when its server is killed", () -> postgresOn(data).isEmpty());
        }
        try (PackagedServer server = PackagedServer.start(work, Map.of())) {
            server.get(id);
            server.stop();
            await("PostgreSQL stops with its server", () -> postgresOn(data).isEmpty());
        }
    }

    /**
     * The packaged server answers the app's own paths with the app's page (checked on every visit),
     * its hashed files as immutable for a year, and any other path with 404 as problem JSON; health
     * is on the management port, not on the app's.
     */
    @Test
    void thePublicSurfaceIsTheAppAndNothingMore() throws Exception {
        try (PackagedServer server = PackagedServer.start(Files.createTempDirectory("spiegel-surface"), Map.of())) {
            for (String path : List.of("/", "/join", "/join/K7M4QX", "/moderate/iets", "/listen/iets", "/display/iets",
                    "/series/iets", "/followup/abcdefghijkl", "/evaluate/abcdefghijkl")) {
                given().port(server.port).get(path).then().statusCode(200).contentType(containsString("text/html"))
                        .header("Cache-Control", is("no-cache"));
            }
            String page = given().port(server.port).get("/").then().extract().asString();
            Matcher asset = Pattern.compile("/assets/[A-Za-z0-9_.-]+\\.js").matcher(page);
            assertThat(asset.find()).as("an asset in %s", page).isTrue();
            given().port(server.port).get(asset.group()).then().statusCode(200)
                    .header("Cache-Control", is("public, max-age=31536000, immutable"));
            for (String path : List.of("/does-not-exist", "/assets/nope-123.js", "/q/health/ready", "/q/metrics")) {
                given().port(server.port).get(path).then().statusCode(404).contentType("application/problem+json");
            }
            given().port(server.managementPort).get("/q/health/ready").then().statusCode(200);
            server.stop();
        }
    }

    /**
     * The built-in PostgreSQL killed under a running server: readiness goes down, the database is
     * started again, readiness recovers within 30 s, live connections are told that storing paused and
     * that it resumed, live rooms catch up and nothing acknowledged is lost; the log says when the
     * database went and when it came back, once each, without traces.
     */
    @Test
    void theBuiltInDatabaseComesBackAfterItIsKilled() throws Exception {
        Path work = Files.createTempDirectory("spiegel-pg-killed");
        Path data = work.resolve("data");
        try (PackagedServer server = PackagedServer.start(work, Map.of())) {
            String id = server.createMeeting("Database weg");
            String key = PackagedServer.KEYS.get(id);
            LiveClient moderator = LiveClient.connect(server.uri(), id, key).hello(null);
            LiveClient display = LiveClient.connect(server.uri(), id, server.join(id)).hello(null);
            moderator.command("ChangePhase", "to", "LOBBY");
            long acknowledged = moderator.seq();
            display.awaitSeq(acknowledged);

            ProcessHandle postmaster = postgresOn(data).getFirst();
            postmaster.destroyForcibly();
            await("the killed PostgreSQL is gone", () -> !postmaster.isAlive());
            Instant killed = Instant.now();
            // Until it is back, a request that needs the database is refused as unavailable, never a 500.
            List<Integer> statuses = new ArrayList<>();
            while (server.readyStatus() != 200 && statuses.size() < 40) {
                Response created = given().port(server.uri().getPort()).contentType(ContentType.JSON)
                        .body("{\"title\":\"Tijdens de storing\"}").post("/api/meetings");
                statuses.add(created.statusCode());
                if (created.statusCode() == 503) {
                    assertThat(created.header("Retry-After")).isEqualTo("5");
                    assertThat(created.contentType()).startsWith("application/problem+json");
                    assertThat(created.jsonPath().getString("code")).isEqualTo("UNAVAILABLE");
                }
                Thread.sleep(250); // the pace of a client that tries again, not a wait for a condition
            }
            assertThat(statuses).as("answers while the database was away").allMatch(s -> s == 201 || s == 503);
            await("readiness comes back", () -> server.readyStatus() == 200);
            assertThat(Duration.between(killed, Instant.now())).isLessThan(Duration.ofSeconds(30));
            assertThat(postgresOn(data)).hasSize(1).noneMatch(p -> p.pid() == postmaster.pid());

            // Each live connection was told that storing paused, and is told that it resumed, on the same connection.
            for (LiveClient client : List.of(moderator, display)) {
                int paused = client.messages.indexOf(client.awaitMessage(0, LiveClient.storage(true)));
                assertThat(client.messages.indexOf(client.awaitMessage(0, LiveClient.storage(false)))).isGreaterThan(paused);
                assertThat(client.closeCode).isNull();
            }
            // Sent again with the same id while the database is still coming back, as a client does.
            String commandId = "after-the-outage";
            JsonNode answer = Awaitility.await("the command stored").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                    .until(() -> moderator.commandWithId(commandId, "ChangePhase", "to", "OPENING"),
                            reply -> !reply.path("code").asText().equals("UNAVAILABLE"));
            assertThat(answer.path("type").asText()).isEqualTo("ack");
            assertThat(answer.path("seq").asLong()).isEqualTo(acknowledged + 1);
            display.awaitSeq(acknowledged + 1);
            assertThat(display.view().get("phase").asText()).isEqualTo("OPENING");
            // The outage is one change of state in the log, and its end another: no stack traces.
            Awaitility.await("the log says the database is back").atMost(Duration.ofSeconds(45))
                    .until(() -> server.log().contains("Database reachable again after"));
            String log = server.log();
            assertThat(log.lines().filter(line -> line.contains("Database unreachable since"))).hasSize(1);
            assertThat(log.lines().filter(line -> line.contains("Database reachable again after"))).hasSize(1);
            assertThat(log.lines().filter(line -> line.startsWith("\tat ") || line.matches("^[a-z]+(\\.[a-z]+)+\\.\\w+(Exception|Error).*")))
                    .as("stack traces in the log:%n%s", log).isEmpty();
            moderator.close();
            display.close();
            server.stop();
            await("PostgreSQL stops with its server", () -> postgresOn(data).isEmpty());
        }
    }

    @Test
    void liveClientsResumeAfterARestartWithNothingLost() throws Exception {
        Path work = Files.createTempDirectory("spiegel-live-restart");
        String id;
        String listenerKey;
        String moderatorKey;
        LiveClient listenerBefore;
        long acknowledged;
        try (PackagedServer server = PackagedServer.start(work, Map.of())) {
            id = server.createMeeting("Herstart");
            moderatorKey = PackagedServer.KEYS.get(id);
            listenerKey = server.join(id);
            LiveClient moderator = LiveClient.connect(server.uri(), id, moderatorKey).hello(null);
            listenerBefore = LiveClient.connect(server.uri(), id, listenerKey).hello(null);
            moderator.command("ChangePhase", "to", "LOBBY");
            moderator.command("AddNote", "text", "Voor de herstart", "shared", true);
            acknowledged = moderator.seq();
            listenerBefore.awaitSeq(acknowledged);
            moderator.close();
            // A server that shuts down says it is going away (1001), so clients reconnect.
            server.stop();
            listenerBefore.awaitClosed();
            assertThat(listenerBefore.closeCode).isEqualTo(1001);
        }
        try (PackagedServer server = PackagedServer.start(work, Map.of())) {
            LiveClient moderator = LiveClient.connect(server.uri(), id, moderatorKey).hello(acknowledged);
            assertThat(moderator.snapshots).isZero();
            moderator.command("AddNote", "text", "Na de herstart", "shared", true);
            moderator.command("ChangePhase", "to", "OPENING");
            LiveClient listener = LiveClient.connect(server.uri(), id, listenerKey).resumeFrom(listenerBefore)
                    .hello(acknowledged);
            assertThat(listener.snapshots).isZero();
            listener.awaitSeq(moderator.seq());
            assertThat(listener.problems).isEmpty();
            assertThat(listener.view().get("notes").findValuesAsText("text")).containsExactly("Voor de herstart", "Na de herstart");
            assertThat(listener.view().get("phase").asText()).isEqualTo("OPENING");
            moderator.close();
            listener.close();
            server.stop();
        }
    }

    /**
     * After a real restart every role the last events changed resumes 60 changes back with exactly
     * those changes: the room loaded from the stream keeps as many as the one that ran (docs/protocol.md,
     * the table of depths); a role they did not change gets a snapshot.
     */
    @Test
    void everyRoleResumesSixtyChangesBackAfterARestart() throws Exception {
        Path work = Files.createTempDirectory("spiegel-resume-depth");
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, LiveClient> before = new LinkedHashMap<>();
        String id;
        long last;
        try (PackagedServer server = PackagedServer.start(work, Map.of())) {
            id = server.createMeeting("Zestig terug");
            String moderatorKey = PackagedServer.KEYS.get(id);
            keys.put("moderator", moderatorKey);
            keys.put("display", given().port(server.port).header("Authorization", "Bearer " + moderatorKey)
                    .post("/api/meetings/" + id + "/access/display/rotate").then().statusCode(200).extract().path("key"));
            keys.put("listener", server.join(id));
            keys.put("public", given().port(server.port).header("Authorization", "Bearer " + moderatorKey)
                    .post("/api/meetings/" + id + "/followup-link").then().statusCode(200).extract().path("token"));
            LiveClient moderator = LiveClient.connect(server.uri(), id, moderatorKey).hello(null);
            moderator.command("ChangePhase", "to", "LOBBY");
            // So that the event before the last 64 is a note the listeners see (decision 0044).
            for (int i = 0; i < 8; i++) {
                moderator.command("AddNote", "text", "Eerder " + i, "shared", true);
            }
            keys.forEach((role, key) -> {
                LiveClient client = LiveClient.connect(server.uri(), id, key).hello(null);
                client.close();
                before.put(role, client);
            });
            for (int i = 0; i < 60; i++) {
                assertThat(moderator.command("AddNote", "text", "Notitie " + i, "shared", true).path("type").asText())
                        .isEqualTo("ack");
            }
            last = moderator.seq();
            moderator.close();
            server.stop();
        }
        try (PackagedServer server = PackagedServer.start(work, Map.of())) {
            for (Map.Entry<String, String> role : keys.entrySet()) {
                LiveClient earlier = before.get(role.getKey());
                assertThat(last - earlier.seq()).isEqualTo(60);
                LiveClient back = LiveClient.connect(server.uri(), id, role.getValue()).resumeFrom(earlier).hello(earlier.seq());
                LiveClient fresh = LiveClient.connect(server.uri(), id, role.getValue()).hello(null);
                // The display and the follow-up page show no notes: none of the last 64 events changed
                // their view, so the loaded room cannot resume them (decision 0044).
                boolean quiet = role.getKey().equals("display") || role.getKey().equals("public");
                assertThat(back.snapshots).as("%s resumes 60 back after a restart", role.getKey()).isEqualTo(quiet ? 1 : 0);
                assertThat(back.countOfType("change")).isEqualTo(quiet ? 0 : 60);
                assertThat(back.problems).isEmpty();
                assertThat(back.view()).isEqualTo(fresh.view());
                back.close();
                fresh.close();
            }
            server.stop();
        }
    }

    @Test
    void twoNodesOnOneDatabaseKeepOneGapFreeStreamAndRelayEveryChange() throws Exception {
        Path shared = Files.createTempDirectory("spiegel-shared-db");
        EmbeddedPostgres db = EmbeddedPostgres.start(shared, 0);
        Map<String, String> env = Map.of("SPIEGEL_DATABASE_URL", db.url(),
                "SPIEGEL_DATABASE_USERNAME", EmbeddedPostgres.USER, "SPIEGEL_DATABASE_PASSWORD", db.password());
        try (PackagedServer a = PackagedServer.start(Files.createTempDirectory("spiegel-node-a"), env);
             PackagedServer b = PackagedServer.start(Files.createTempDirectory("spiegel-node-b"), env)) {
            String id = a.createMeeting("Twee knooppunten");
            String key = PackagedServer.KEYS.get(id);
            LiveClient watcher = LiveClient.connect(b.uri(), id, key).hello(null);
            int writes = 28;
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Integer>> tasks = new ArrayList<>();
                for (int i = 0; i < writes; i++) {
                    PackagedServer node = i % 2 == 0 ? a : b;
                    int n = i;
                    tasks.add(() -> given().port(node.port).header("Authorization", "Bearer " + key)
                            .contentType(ContentType.JSON)
                            .body("{\"title\":\"Thema " + n + "\",\"centralQuestion\":\"Vraag?\",\"minutes\":5}")
                            .post("/api/meetings/" + id + "/themes").statusCode());
                }
                for (var result : pool.invokeAll(tasks)) {
                    assertThat(result.get()).isEqualTo(201);
                }
            } finally {
                pool.shutdown();
            }
            try (Connection c = TestDatabase.connect(db);
                 PreparedStatement s = c.prepareStatement("select seq from meeting_event where meeting_id = ? order by seq")) {
                s.setObject(1, UUID.fromString(id));
                ResultSet rs = s.executeQuery();
                long expected = 1;
                while (rs.next()) {
                    assertThat(rs.getLong(1)).isEqualTo(expected++);
                }
                assertThat(expected - 1).isEqualTo(writes + 1);
            }
            watcher.awaitSeq(writes + 1);
            assertThat(watcher.problems).isEmpty();
            assertThat(watcher.view().get("guide")).hasSize(writes);
            watcher.close();
            a.stop();
            b.stop();
        } finally {
            db.close();
        }
    }

    @Test
    void aPostgresLeftBehindIsStoppedNotReused() throws Exception {
        Path work = Files.createTempDirectory("spiegel-orphan");
        Path data = work.resolve("data");
        String id;
        long orphan;
        try (PackagedServer server = PackagedServer.start(work, Map.of())) {
            id = server.createMeeting("Wees");
            orphan = postgresOn(data).getFirst().pid();
            // Kill the watchdog with the server: as if the whole process tree lost power but PostgreSQL.
            server.process.descendants().filter(p -> p.pid() != orphan && p.info().command().map(c -> !c.endsWith("postgres")).orElse(true))
                    .forEach(ProcessHandle::destroyForcibly);
            server.kill9();
            Awaitility.await("the orphaned PostgreSQL lives on").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false));
        }
        try (PackagedServer server = PackagedServer.start(work, Map.of())) {
            server.get(id);
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(postgresOn(data)).hasSize(1).allMatch(p -> p.pid() != orphan);
            server.stop();
        }
    }

    /** The meeting is in the given database, and the server started no database of its own. */
    private static void assertStoredIn(EmbeddedPostgres db, String id, String title, Path work) throws Exception {
        try (Connection c = TestDatabase.connect(db);
             PreparedStatement s = c.prepareStatement("select title from meeting where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            ResultSet rs = s.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(title);
        }
        assertThat(work.resolve("data")).doesNotExist();
        assertThat(postgresOn(work)).isEmpty();
    }

    @Test
    void takesTheDatabaseGivenTheStandardQuarkusWayAndStartsNoneOfItsOwn() throws Exception {
        Path external = Files.createTempDirectory("spiegel-quarkus-db");
        Path work = Files.createTempDirectory("spiegel-run-quarkus-db");
        EmbeddedPostgres db = EmbeddedPostgres.start(external, 0);
        try (PackagedServer server = PackagedServer.start(work, Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", db.url(),
                "QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgres.USER, "QUARKUS_DATASOURCE_PASSWORD", db.password()))) {
            String id = server.createMeeting("Op de standaardmanier");
            assertStoredIn(db, id, "Op de standaardmanier", work);
            server.stop();
        } finally {
            db.close();
        }
    }

    @Test
    void usesADatabaseGivenAtRunTimeAndReportsWhenItIsGone() throws Exception {
        Path external = Files.createTempDirectory("spiegel-external-db");
        Path work = Files.createTempDirectory("spiegel-run-external");
        EmbeddedPostgres db = EmbeddedPostgres.start(external, 0);
        int port = db.port();
        try (PackagedServer server = PackagedServer.start(work, Map.of("SPIEGEL_DATABASE_URL", db.url(),
                "SPIEGEL_DATABASE_USERNAME", EmbeddedPostgres.USER, "SPIEGEL_DATABASE_PASSWORD", db.password()))) {
            String id = server.createMeeting("Op een eigen database");
            assertStoredIn(db, id, "Op een eigen database", work);

            db.close();
            await("readiness goes down without the database", () -> server.readyStatus() == 503);
            db = EmbeddedPostgres.start(external, port);
            await("readiness comes back with the database", () -> server.readyStatus() == 200);
            server.get(id);
            server.stop();
        } finally {
            db.close();
        }
    }

    /** Quarkus would run two event loops on one core, which only hand a command's work to and fro (Main). */
    @Test
    void onOneCoreOneEventLoop() throws Exception {
        Path work = Files.createTempDirectory("spiegel-run");
        try (PackagedServer server = PackagedServer.start(work, Map.of("JAVA_TOOL_OPTIONS", "-XX:ActiveProcessorCount=1"))) {
            server.createMeeting("Eén kern");
            assertThat(eventLoops(server.process)).isEqualTo(1);
            server.stop();
        }
    }

    /** The server's Vert.x event loop threads, by their names as Linux keeps them (15 characters). */
    private static long eventLoops(Process server) throws IOException {
        try (var threads = Files.list(Path.of("/proc", String.valueOf(server.pid()), "task"))) {
            return threads.filter(task -> {
                try {
                    return Files.readString(task.resolve("comm")).startsWith("vert.x-eventloo");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }

    /** The postmaster processes whose data directory lies under {@code dir}. */
    private static List<ProcessHandle> postgresOn(Path dir) {
        String path = dir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(path)).orElse(false))
                .toList();
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
    }
}
