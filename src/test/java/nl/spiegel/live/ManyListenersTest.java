package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.netty.handler.timeout.IdleStateHandler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
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

    @Inject
    OpenConnections connections;

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
        LiveClient latecomer = LiveClient.connect(server, m.id(), Api.join(m.joinCode(), null).getString("key")).hello(null);
        for (LiveClient listener : listeners) {
            listener.awaitSeq(last);
            assertThat(listener.problems).isEmpty();
            assertThat(listener.view().get("notes")).hasSize(4);
            assertThat(listener.view()).isEqualTo(latecomer.view());
        }
        // Each change the listeners' view had, and no more: the phase, the speaker, the notes and themes.
        assertThat(listeners.getFirst().countOfType("change")).isBetween(3 + 24 / 2, (int) (last - first));
        listeners.forEach(LiveClient::close);
        latecomer.close();
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
        Awaitility.await("the upgrade's routing context let go").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    System.gc();
                    return upgrade.get() == null;
                });
        assertThat(((ConnectionBase) UpgradeRequests.lastConnection()).channel().pipeline().get(IdleStateHandler.class))
                .as("the HTTP idle timeout's handler, with its scheduled task").isNull();
        assertThat(moderator.command("ChangePhase", "to", "LOBBY").get("type").asText()).isEqualTo("ack");
        moderator.close();
    }

    @Test
    void anOpenConnectionKeepsNoKeyAndOfItsHeadersOnlyTheHandshake() {
        Api.Created m = Api.createMeeting("Sleutelbos", 2, 3);
        LiveClient browser = LiveClient.connect(server, m.id(), builder -> builder
                .subprotocols("spiegel.v1", "spiegel.key." + m.displayKey())
                .header("Origin", server.toString().replaceAll("/$", "")).header("Accept-Language", "nl-NL"))
                .hello(null);
        LiveClient tool = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        assertThat(browser.subprotocol()).isEqualTo("spiegel.v1");

        List<WebSocketConnection> open = connections.findByEndpointId(LiveEndpoint.ID).stream()
                .filter(c -> m.id().equals(c.pathParam("meetingId"))).toList();
        assertThat(open).hasSize(2);
        for (WebSocketConnection connection : open) {
            Map<String, List<String>> kept = connection.handshakeRequest().headers();
            assertThat(kept.toString()).doesNotContain(m.displayKey(), m.moderatorKey());
            assertThat(kept.keySet()).map(name -> name.toLowerCase(Locale.ROOT))
                    .doesNotContain("accept-language", "origin", "authorization", "user-agent");
        }
        assertThat(open).anySatisfy(c -> assertThat(c.handshakeRequest().header("Sec-WebSocket-Protocol")).isEqualTo("spiegel.v1"));
        // Names and usual values are one string for all connections, not a copy each.
        Map<String, List<String>> one = open.get(0).handshakeRequest().headers();
        Map<String, List<String>> other = open.get(1).handshakeRequest().headers();
        for (String name : List.of("upgrade", "sec-websocket-version")) {
            assertThat(other.keySet()).filteredOn(name::equals).singleElement()
                    .isSameAs(one.keySet().stream().filter(name::equals).findFirst().orElseThrow());
            assertThat(other.get(name).getFirst()).isSameAs(one.get(name).getFirst());
        }
        browser.close();
        tool.close();
    }
}
