package nl.spiegel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import nl.spiegel.store.EmbeddedPostgres;
import nl.spiegel.support.LiveClient;

/**
 * The packaged server as a user runs it ({@code java -jar}): zero config with its own PostgreSQL,
 * surviving restarts and {@code kill -9}, or a database given at run time and no PostgreSQL of its own.
 */
class ServerProcessIT {

    /** Moderator keys by meeting id, kept across the restarts of a test. */
    private static final Map<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Path JAR = Path.of(System.getProperty("spiegel.jar", "target/quarkus-app/quarkus-run.jar"));

    @Test
    void zeroConfigKeepsMeetingsAcrossRestartsAndKills() throws Exception {
        Path work = Files.createTempDirectory("spiegel-run");
        Path data = work.resolve("data");
        String id;
        try (Server server = Server.start(work, Map.of())) {
            id = server.createMeeting("Blijft bewaard");
            assertThat(data.resolve("postgres/PG_VERSION")).exists();
            assertThat(postgresOn(data)).hasSize(1);
            server.kill9();
            await("PostgreSQL stops when its server is killed", () -> postgresOn(data).isEmpty());
        }
        try (Server server = Server.start(work, Map.of())) {
            server.get(id);
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
        try (Server server = Server.start(work, Map.of())) {
            id = server.createMeeting("Herstart");
            moderatorKey = KEYS.get(id);
            String code = given().port(server.port).header("Authorization", "Bearer " + moderatorKey)
                    .get("/api/meetings/" + id + "/access").then().statusCode(200).extract().path("joinCode");
            listenerKey = given().port(server.port).contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                    .post("/api/join").then().statusCode(200).extract().path("key");
            LiveClient moderator = LiveClient.connect(server.uri(), id, moderatorKey).hello(null);
            listenerBefore = LiveClient.connect(server.uri(), id, listenerKey).hello(null);
            moderator.command("ChangePhase", "to", "LOBBY");
            moderator.command("AddNote", "text", "Voor de herstart", "shared", true);
            acknowledged = moderator.seq();
            listenerBefore.awaitSeq(acknowledged);
            moderator.close();
            listenerBefore.close();
            server.stop();
        }
        try (Server server = Server.start(work, Map.of())) {
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

    @Test
    void aPostgresLeftBehindIsStoppedNotReused() throws Exception {
        Path work = Files.createTempDirectory("spiegel-orphan");
        Path data = work.resolve("data");
        String id;
        long orphan;
        try (Server server = Server.start(work, Map.of())) {
            id = server.createMeeting("Wees");
            orphan = postgresOn(data).getFirst().pid();
            // Kill the watchdog with the server: as if the whole process tree lost power but PostgreSQL.
            server.process.descendants().filter(p -> p.pid() != orphan && p.info().command().map(c -> !c.endsWith("postgres")).orElse(true))
                    .forEach(ProcessHandle::destroyForcibly);
            server.kill9();
            Thread.sleep(500);
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);
        }
        try (Server server = Server.start(work, Map.of())) {
            server.get(id);
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(postgresOn(data)).hasSize(1).allMatch(p -> p.pid() != orphan);
            server.stop();
        }
    }

    @Test
    void usesADatabaseGivenAtRunTimeAndReportsWhenItIsGone() throws Exception {
        Path external = Files.createTempDirectory("spiegel-external-db");
        Path work = Files.createTempDirectory("spiegel-run-external");
        EmbeddedPostgres db = EmbeddedPostgres.start(external, 0);
        int port = db.port();
        try (Server server = Server.start(work, Map.of("SPIEGEL_DATABASE_URL", db.url(),
                "SPIEGEL_DATABASE_USERNAME", EmbeddedPostgres.USER, "SPIEGEL_DATABASE_PASSWORD", db.password()))) {
            String id = server.createMeeting("Op een eigen database");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedPostgres.USER, db.password());
                 PreparedStatement s = c.prepareStatement("select title from meeting where id = ?")) {
                s.setObject(1, UUID.fromString(id));
                ResultSet rs = s.executeQuery();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Op een eigen database");
            }
            assertThat(work.resolve("data")).doesNotExist();
            assertThat(postgresOn(work)).isEmpty();

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

    /** The postmaster processes whose data directory lies under {@code dir}. */
    private static List<ProcessHandle> postgresOn(Path dir) {
        String path = dir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(path)).orElse(false))
                .toList();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        fail("timed out: " + what);
    }

    /** One run of the packaged server in a working directory of its own. */
    static final class Server implements AutoCloseable {
        final Process process;
        final int port;
        final Path log;

        private Server(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        static Server start(Path work, Map<String, String> env) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            Path log = Files.createTempFile(work, "server", ".log");
            ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toAbsolutePath().toString())
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("SPIEGEL_") || k.startsWith("QUARKUS_"));
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            Server server = new Server(builder.start(), port, log);
            try {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
                while (Instant.now().isBefore(deadline)) {
                    if (!server.process.isAlive()) {
                        fail("The server stopped while starting:\n" + Files.readString(log));
                    }
                    if (server.readyStatus() == 200) {
                        return server;
                    }
                    Thread.sleep(250);
                }
                fail("The server did not become ready:\n" + Files.readString(log));
                return server;
            } catch (Exception | AssertionError e) {
                server.kill9();
                throw e;
            }
        }

        java.net.URI uri() {
            return java.net.URI.create("http://localhost:" + port + "/");
        }

        int readyStatus() {
            try {
                return given().port(port).get("/q/health/ready").statusCode();
            } catch (Exception e) {
                // Not listening (yet): RestAssured passes on the ConnectException unchecked.
                return -1;
            }
        }

        /** Creates a meeting; returns its id and keeps its moderator key. */
        String createMeeting(String title) {
            var body = given().port(port).contentType(ContentType.JSON).body("{\"title\":\"" + title + "\"}")
                    .post("/api/meetings").then().statusCode(201).extract().jsonPath();
            KEYS.put(body.getString("id"), body.getString("access.moderatorKey"));
            return body.getString("id");
        }

        void get(String id) {
            given().port(port).header("Authorization", "Bearer " + KEYS.get(id)).get("/api/meetings/" + id)
                    .then().statusCode(200);
        }

        void kill9() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        void stop() throws InterruptedException, IOException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                fail("The server did not stop on SIGTERM:\n" + Files.readString(log));
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                kill9();
            }
        }
    }
}
