package nl.spiegel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import nl.spiegel.store.EmbeddedPostgres;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.LoadBalancer;
import nl.spiegel.support.PackagedServer;

/**
 * Two Spiegel nodes on one PostgreSQL behind HAProxy, as a deployment runs them: a meeting with a
 * moderator and 50 listeners spread over both, one node killed with {@code kill -9} mid-meeting
 * and later back, the other stopped for a rolling update. No client loses or repeats a change.
 */
class ClusterIT {

    private static final int LISTENERS = 50;

    /** A client and the key it came with, so it can come back after losing its node. */
    private record Seat(String key, LiveClient client) {}

    @Test
    void aMeetingSurvivesLosingANodeBehindALoadBalancer() throws Exception {
        Path shared = Files.createTempDirectory("spiegel-cluster-db");
        EmbeddedPostgres db = EmbeddedPostgres.start(shared, 0);
        Map<String, String> env = new HashMap<>(Map.of("SPIEGEL_DATABASE_URL", db.url(),
                "SPIEGEL_DATABASE_USERNAME", EmbeddedPostgres.USER, "SPIEGEL_DATABASE_PASSWORD", db.password(),
                "QUARKUS_SHUTDOWN_DELAY", "1s"));
        Path workA = Files.createTempDirectory("spiegel-node-a");
        Path workB = Files.createTempDirectory("spiegel-node-b");
        int portA = PackagedServer.freePort();
        int managementA = PackagedServer.freePort();
        // Node A comes back on the same ports, where the load balancer checks it.
        Map<String, String> envA = with(with(env, "QUARKUS_HTTP_PORT", String.valueOf(portA)),
                "QUARKUS_MANAGEMENT_PORT", String.valueOf(managementA));
        // One node logs as JSON, as it would for a log collector.
        Map<String, String> envB = with(env, "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        List<PackagedServer> started = new ArrayList<>();
        PackagedServer a = PackagedServer.start(workA, envA);
        started.add(a);
        PackagedServer b = PackagedServer.start(workB, envB);
        started.add(b);
        try (LoadBalancer lb = LoadBalancer.start(Files.createTempDirectory("spiegel-lb"),
                List.of(new LoadBalancer.Node(portA, managementA), new LoadBalancer.Node(b.port, b.managementPort)))) {
            JsonPath created = given().port(lb.port).contentType(ContentType.JSON).body("{\"title\":\"Twee knooppunten\"}")
                    .post("/api/meetings").then().statusCode(201).extract().jsonPath();
            String id = created.getString("id");
            String moderatorKey = created.getString("access.moderatorKey");
            List<Seat> seats = new ArrayList<>();
            seats.add(new Seat(moderatorKey, LiveClient.connect(lb.uri(), id, moderatorKey).hello(null)));
            for (int i = 0; i < LISTENERS; i++) {
                String key = given().port(lb.port).contentType(ContentType.JSON)
                        .body("{\"code\":\"" + created.getString("access.joinCode") + "\"}")
                        .post("/api/join").then().statusCode(200).extract().path("key");
                seats.add(new Seat(key, LiveClient.connect(lb.uri(), id, key).hello(null)));
            }
            assertThat(connections(a) + connections(b)).isEqualTo(LISTENERS + 1);
            assertThat(connections(a)).as("clients on both nodes").isBetween(10, LISTENERS - 9);

            LiveClient moderator = seats.getFirst().client();
            moderator.command("ChangePhase", "to", "LOBBY");
            moderator.command("AddNote", "text", "Voor het uitvallen", "shared", true);
            long acknowledged = moderator.seq();
            awaitAll(seats, acknowledged, Duration.ofSeconds(10));

            // Node A is lost mid-meeting: every client it had comes back through HAProxy, to node B.
            int onA = connections(a);
            a.kill9();
            Instant killed = Instant.now();
            seats = resumeClosed(lb, id, seats, onA);
            awaitAll(seats, acknowledged, Duration.ofSeconds(5).minus(Duration.between(killed, Instant.now())));
            assertThat(Duration.between(killed, Instant.now())).as("all caught up after the kill").isLessThan(Duration.ofSeconds(5));

            moderator = seats.getFirst().client();
            moderator.command("AddNote", "text", "Na het uitvallen", "shared", true);
            moderator.command("ChangePhase", "to", "OPENING");
            awaitAll(seats, moderator.seq(), Duration.ofSeconds(10));
            for (Seat seat : seats.subList(1, seats.size())) {
                assertThat(seat.client().view().get("notes").findValuesAsText("text"))
                        .containsExactly("Voor het uitvallen", "Na het uitvallen");
            }

            // Node A comes back and takes new connections.
            PackagedServer back = PackagedServer.start(workA, envA);
            started.add(back);
            awaitUntil("HAProxy sends to node A again", () -> {
                LiveClient probe = LiveClient.connect(lb.uri(), id, moderatorKey).hello(null);
                boolean backOnA = connections(back) > 0;
                probe.close();
                return backOnA;
            }, Duration.ofSeconds(20));

            // A rolling update stops node B: it drains (1001), and its clients move to node A.
            b.stop();
            for (Seat seat : seats) {
                seat.client().awaitClosed();
                assertThat(seat.client().closeCode).isEqualTo(1001);
            }
            seats = resumeClosed(lb, id, seats, seats.size());
            moderator = seats.getFirst().client();
            assertThat(moderator.command("ChangePhase", "to", "CONVERSATION").path("type").asText()).isEqualTo("ack");
            awaitAll(seats, moderator.seq(), Duration.ofSeconds(10));
            assertThat(connections(back)).isEqualTo(LISTENERS + 1);
            assertThat(b.log().lines().filter(line -> line.startsWith("{")).count()).as("JSON log lines").isPositive();
            for (String line : b.log().lines().filter(l -> l.startsWith("{")).toList()) {
                new ObjectMapper().readTree(line);
            }
            for (Seat seat : seats) {
                seat.client().close();
            }
        } finally {
            for (PackagedServer node : started) {
                node.close();
            }
            db.close();
        }
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(key, value);
        return more;
    }

    /**
     * The {@code closed} clients whose node went away each resume at once, as browsers do, through
     * the load balancer from the last seq they applied.
     */
    private static List<Seat> resumeClosed(LoadBalancer lb, String id, List<Seat> seats, int closed) throws Exception {
        awaitUntil(closed + " clients notice their node is gone",
                () -> seats.stream().filter(s -> s.client().closeCode != null).count() >= closed, Duration.ofSeconds(5));
        ExecutorService reconnecting = Executors.newFixedThreadPool(closed);
        try {
            List<Future<Seat>> resumed = new ArrayList<>();
            for (Seat seat : seats) {
                LiveClient client = seat.client();
                resumed.add(client.closeCode == null ? CompletableFuture.completedFuture(seat) : reconnecting.submit(() ->
                        new Seat(seat.key(), LiveClient.connect(lb.uri(), id, seat.key()).resumeFrom(client).hello(client.seq()))));
            }
            List<Seat> now = new ArrayList<>();
            for (Future<Seat> seat : resumed) {
                now.add(seat.get());
                assertThat(now.getLast().client().problems).as("no gap, no duplicate").isEmpty();
            }
            return now;
        } finally {
            reconnecting.shutdown();
        }
    }

    private static void awaitAll(List<Seat> seats, long seq, Duration within) throws InterruptedException {
        awaitUntil("every client at seq " + seq, () -> seats.stream().allMatch(s -> s.client().seq() >= seq), within);
        for (Seat seat : seats) {
            assertThat(seat.client().problems).isEmpty();
            assertThat(seat.client().seq()).isEqualTo(seq);
        }
    }

    private static int connections(PackagedServer node) {
        String metrics = given().port(node.managementPort).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("spiegel_live_connections{"))
                .mapToInt(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void awaitUntil(String what, BooleanSupplier condition, Duration within) {
        Awaitility.await(what).atMost(within).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
