package nl.spiegel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import nl.spiegel.support.PackagedServer;

/**
 * The container image, built here from the sources with podman (deploy/image.sh), started as a user
 * would: zero config with the built-in database on a volume, stopped and started again with the
 * meeting still there, as a non-root user with a JRE only. Where podman is installed but cannot
 * start containers, the image's configuration is checked instead, and the test says so.
 */
class ContainerImageIT {

    private static final String IMAGE = "localhost/spiegel:latest";

    /** What a command printed, and how it ended. */
    private record Run(int exit, String output) {}

    private static Run podman(List<String> arguments, Duration within) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(arguments);
        return run(command, within);
    }

    private static Run run(List<String> command, Duration within) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CONTAINERS_CONF", Path.of("deploy/podman/containers.conf").toAbsolutePath().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(within.toSeconds(), TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void theImageBuildsHereAndRunsWithItsOwnDatabaseOnAVolume() throws Exception {
        assumeThat(onPath("podman")).as("podman is not installed (apt-get install podman runc mmdebstrap uidmap):"
                + " the image is not built").isTrue();
        Run built = run(List.of("deploy/image.sh"), Duration.ofMinutes(10));
        assertThat(built.exit()).as(built.output()).isZero();

        Run config = podman(List.of("image", "inspect", IMAGE, "--format",
                "{{.Config.User}}|{{json .Config.Volumes}}|{{json .Config.Entrypoint}}|{{len .RootFS.Layers}}"), Duration.ofSeconds(30));
        assertThat(config.exit()).as(config.output()).isZero();
        String[] parts = config.output().strip().split("\\|");
        assertThat(parts[0]).isEqualTo("1001");
        assertThat(parts[1]).contains("/data");
        assertThat(parts[2]).contains("/app/entrypoint.sh");
        assertThat(Integer.parseInt(parts[3])).isGreaterThanOrEqualTo(2);

        String volume = "spiegel-it-" + UUID.randomUUID().toString().substring(0, 8);
        int port = PackagedServer.freePort();
        int managementPort = PackagedServer.freePort();
        List<String> start = List.of("run", "-d", "--network", "host", "-e", "QUARKUS_HTTP_PORT=" + port,
                "-e", "QUARKUS_MANAGEMENT_PORT=" + managementPort,
                "-v", volume + ":/data", IMAGE);
        Run first = podman(start, Duration.ofMinutes(1));
        if (first.exit() != 0) {
            System.out.println("podman cannot start containers on this machine; the image's configuration and layers"
                    + " were checked, the image was not started: " + first.output().strip());
            return;
        }
        String container = first.output().strip().lines().reduce((a, b) -> b).orElseThrow();
        try {
            awaitReady(managementPort, container);
            JsonPath created = given().port(port).contentType(ContentType.JSON).body("{\"title\":\"In de container\"}")
                    .post("/api/meetings").then().statusCode(201).extract().jsonPath();
            assertThat(podman(List.of("exec", container, "id", "-u"), Duration.ofSeconds(30)).output().strip()).isEqualTo("1001");
            assertThat(podman(List.of("exec", container, "sh", "-c", "test ! -e /opt/java/bin/javac && test -d /data/postgres"),
                    Duration.ofSeconds(30)).exit()).as("a JRE only; the database on the volume").isZero();
            assertThat(podman(List.of("stop", "-t", "30", container), Duration.ofMinutes(1)).exit()).isZero();
            podman(List.of("rm", container), Duration.ofSeconds(30));

            Run second = podman(start, Duration.ofMinutes(1));
            assertThat(second.exit()).as(second.output()).isZero();
            container = second.output().strip().lines().reduce((a, b) -> b).orElseThrow();
            awaitReady(managementPort, container);
            given().port(port).header("Authorization", "Bearer " + created.getString("access.moderatorKey"))
                    .get("/api/meetings/" + created.getString("id")).then().statusCode(200);
            // The first run left its class-data archive on the volume; this one starts from it.
            Run java = podman(List.of("exec", container, "sh", "-c", "test -s /data/spiegel.jsa && tr '\\0' ' ' < /proc/1/cmdline"),
                    Duration.ofSeconds(30));
            assertThat(java.exit()).as("the archive is on the volume: %s", java.output()).isZero();
            assertThat(java.output()).contains("/opt/java/bin/java", "-XX:SharedArchiveFile=/data/spiegel.jsa", "/app/quarkus-run.jar");
        } finally {
            podman(List.of("rm", "-f", "-t", "5", container), Duration.ofMinutes(1));
            podman(List.of("volume", "rm", "-f", volume), Duration.ofMinutes(1));
        }
    }

    private static void awaitReady(int managementPort, String container) throws Exception {
        try {
            // Refused connections mean it is not listening yet.
            Awaitility.await("the container ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> given().port(managementPort).get("/q/health/ready").statusCode() == 200);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The container did not become ready:\n"
                    + podman(List.of("logs", container), Duration.ofSeconds(30)).output(), e);
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
