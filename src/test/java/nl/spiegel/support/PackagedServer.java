package nl.spiegel.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import io.restassured.http.ContentType;

/** One run of the packaged server ({@code java -jar}) in a working directory of its own. */
public final class PackagedServer implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("spiegel.jar", "target/quarkus-app/quarkus-run.jar"));

    /** Moderator keys by meeting id, kept across the restarts of a test. */
    public static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    public final Process process;
    public final int port;
    /** The management interface's: health and metrics. */
    public final int managementPort;
    final Path log;

    private PackagedServer(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * Starts the server in {@code work}; on {@code QUARKUS_HTTP_PORT} and {@code QUARKUS_MANAGEMENT_PORT}
     * when {@code env} sets them, else on free ports.
     */
    public static PackagedServer start(Path work, Map<String, String> env) throws Exception {
        int port = env.containsKey("QUARKUS_HTTP_PORT") ? Integer.parseInt(env.get("QUARKUS_HTTP_PORT")) : freePort();
        int managementPort = env.containsKey("QUARKUS_MANAGEMENT_PORT") ? Integer.parseInt(env.get("QUARKUS_MANAGEMENT_PORT")) : freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile(work, "server", ".log");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toAbsolutePath().toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SPIEGEL_") || k.startsWith("QUARKUS_"));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        builder.environment().put("QUARKUS_SHUTDOWN_DELAY", env.getOrDefault("QUARKUS_SHUTDOWN_DELAY", "0.5s"));
        PackagedServer server = new PackagedServer(builder.start(), port, managementPort, log);
        try {
            Awaitility.await("the server ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .failFast("The server stopped while starting", () -> !server.process.isAlive())
                    .until(() -> server.readyStatus() == 200);
            return server;
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            server.kill9();
            throw new AssertionError(e.getMessage() + ":\n" + Files.readString(log), e);
        } catch (Exception | AssertionError e) {
            server.kill9();
            throw e;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The server's log so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    public URI uri() {
        return URI.create("http://localhost:" + port + "/");
    }

    public int readyStatus() {
        try {
            return given().port(managementPort).get("/q/health/ready").statusCode();
        } catch (Exception e) {
            // Not listening (yet): RestAssured passes on the ConnectException unchecked.
            return -1;
        }
    }

    /** Creates a meeting; returns its id and keeps its moderator key. */
    public String createMeeting(String title) {
        var body = given().port(port).contentType(ContentType.JSON).body("{\"title\":\"" + title + "\"}")
                .post("/api/meetings").then().statusCode(201).extract().jsonPath();
        KEYS.put(body.getString("id"), body.getString("access.moderatorKey"));
        return body.getString("id");
    }

    /** A listener joins the meeting with its code; returns the listener's key. */
    public String join(String id) {
        String code = given().port(port).header("Authorization", "Bearer " + KEYS.get(id))
                .get("/api/meetings/" + id + "/access").then().statusCode(200).extract().path("joinCode");
        return given().port(port).contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .post("/api/join").then().statusCode(200).extract().path("key");
    }

    public void get(String id) {
        given().port(port).header("Authorization", "Bearer " + KEYS.get(id)).get("/api/meetings/" + id)
                .then().statusCode(200);
    }

    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public void stop() throws InterruptedException, IOException {
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
