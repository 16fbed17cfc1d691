package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.TestDatabase;

/**
 * Past what it can answer soon, the node refuses at once ({@code RATE_LIMITED}, "too busy") instead
 * of queueing without end; what it took on is answered, none of it lost.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class OverloadTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    Pool pool;

    @Test
    void aMeetingWithSixteenCommandsUnderwayRefusesTheNextAtOnceAndAnswersTheRest() {
        Api.Created m = Api.createMeeting("Te druk", 1, 2);
        // A moderator's key may be open on 20 devices; each sends one command.
        List<LiveClient> devices = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            devices.add(LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null));
        }
        long before = devices.getFirst().seq();
        // The meeting's row locked, as a slow database would hold it: what is taken on waits.
        SqlConnection connection = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        Transaction holding = connection.begin().await().atMost(Duration.ofSeconds(10));
        connection.preparedQuery("select 1 from meeting where id = $1 for update")
                .execute(Tuple.of(UUID.fromString(m.id()))).await().atMost(Duration.ofSeconds(10));
        for (int i = 0; i < devices.size(); i++) {
            devices.get(i).sendRaw("{\"type\":\"SetHouseRules\",\"commandId\":\"rules-" + i + "\",\"text\":\"Regel " + i + "\"}");
        }
        List<JsonNode> refused = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> answers(devices, "error"), found -> found.size() == 4);
        assertThat(refused).allSatisfy(error -> {
            assertThat(error.path("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(error.path("message").asText()).contains("te druk");
        });
        assertThat(answers(devices, "ack")).as("nothing answered while the row is held").isEmpty();

        holding.commit().await().atMost(Duration.ofSeconds(10));
        connection.close().await().atMost(Duration.ofSeconds(10));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> answers(devices, "ack"), found -> found.size() == Rooms.COMMANDS_UNDERWAY_PER_MEETING);
        devices.getFirst().awaitSeq(before + Rooms.COMMANDS_UNDERWAY_PER_MEETING);

        // A later command of a device whose command was refused waits for that one: in the order sent.
        String again = refused.getFirst().path("commandId").asText();
        LiveClient device = devices.get(Integer.parseInt(again.substring("rules-".length())));
        JsonNode later = device.commandWithId("later", "SetHouseRules", "text", "Later");
        assertThat(later.path("type").asText()).isEqualTo("error");
        assertThat(later.path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(device.commandWithId(again, "SetHouseRules", "text", "Opnieuw").path("type").asText())
                .as("sent again once there is room").isEqualTo("ack");
        assertThat(device.commandWithId("later", "SetHouseRules", "text", "Later").path("type").asText()).isEqualTo("ack");
        devices.forEach(LiveClient::close);
    }

    private static List<JsonNode> answers(List<LiveClient> clients, String type) {
        return clients.stream().flatMap(client -> client.messages.stream()).filter(message -> type.equals(message.path("type").asText())
                && message.path("commandId").asText().startsWith("rules-")).toList();
    }
}
