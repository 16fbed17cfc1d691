package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.ext.web.RoutingContext;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.TestDatabase;
import nl.spiegel.support.UpgradeRequests;

/** A full room: 200 listener connections in one meeting, each receiving every change in order. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ManyListenersTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void twoHundredListenersReceiveEveryChangeInOrder() {
        Api.Created m = Api.createMeeting("Volle zaal", 3, 8);
        List<LiveClient> listeners = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String key = Api.join(m.joinCode(), null).getString("key");
            listeners.add(LiveClient.connect(server, m.id(), key).helloLater());
        }
        listeners.forEach(LiveClient::awaitReady);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        long first = moderator.seq();
        moderator.command("ChangePhase", "to", "LOBBY");
        moderator.command("ChangePhase", "to", "OPENING");
        moderator.command("ChangePhase", "to", "CONVERSATION");
        List<String> seats = moderator.view().get("participants").findValuesAsText("id");
        for (int i = 0; i < 24; i++) {
            assertThat(moderator.command("GiveFloor", "participantId", seats.get(i % seats.size())).get("type").asText())
                    .isEqualTo("ack");
            if (i % 6 == 5) {
                moderator.command("AddNote", "text", "Gedeelde notitie " + i, "shared", true);
                moderator.command("NextTheme");
            }
        }
        long last = moderator.seq();
        assertThat(last - first).isGreaterThan(30);
        for (LiveClient listener : listeners) {
            listener.awaitSeq(last);
            assertThat(listener.problems).isEmpty();
            assertThat(listener.countOfType("change")).isEqualTo((int) (last - listener.messages.stream()
                    .filter(msg -> msg.path("type").asText().equals("snapshot")).findFirst().orElseThrow().get("seq").asLong()));
            assertThat(listener.view().get("notes")).hasSize(4);
        }
        listeners.forEach(LiveClient::close);
        moderator.close();
    }

    @Test
    void anOpenConnectionLetsGoOfItsUpgradeRequestAndItsHeaders() throws InterruptedException {
        Api.Created m = Api.createMeeting("Geheugen", 2, 3);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        WeakReference<RoutingContext> upgrade = UpgradeRequests.last();
        assertThat(upgrade.get()).isNotNull();
        assertThat(UpgradeRequests.lastHeaders()).as("the upgrade's headers, with the key, are still held").isEmpty();
        // The request, its response and their headers would otherwise stay for the connection's life.
        for (int i = 0; i < 50 && upgrade.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        assertThat(upgrade.get()).as("the upgrade's routing context is still held").isNull();
        assertThat(moderator.command("ChangePhase", "to", "LOBBY").get("type").asText()).isEqualTo("ack");
        moderator.close();
    }
}
