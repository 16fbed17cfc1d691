package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.TestDatabase;

/**
 * While the database is out of reach the live peers hear that storing is paused, and when it is back
 * that it resumed, without a reconnect: a command meanwhile is refused as {@code UNAVAILABLE} at once
 * and stored when sent again after; a peer that says hello meanwhile (its connection opened before)
 * is answered from what the room holds, and hears it right after {@code ready}.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class StoragePauseTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void peersHearWhenStoringPausesAndWhenItResumes() throws Exception {
        Api.Created m = Api.createMeeting("Opslag even weg", 2, 3);
        String listenerKey = Api.join(m.joinCode(), "Sanne Luisteraar").getString("key");
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        LiveClient listener = LiveClient.connect(server, m.id(), listenerKey).hello(null);
        moderator.command("ChangePhase", "to", "LOBBY");
        long stored = moderator.seq();
        listener.awaitSeq(stored);
        Instant before = Instant.now();
        // Its key is checked at the upgrade, which needs the database; its hello comes during the outage.
        LiveClient display = LiveClient.connect(server, m.id(), m.displayKey());
        try (AutoCloseable outage = TestDatabase.outage()) {
            for (LiveClient peer : List.of(moderator, listener)) {
                JsonNode paused = peer.awaitMessage(0, LiveClient.storage(true));
                assertThat(Instant.parse(paused.get("since").asText())).isAfterOrEqualTo(before.minusSeconds(1));
                assertThat(paused.size()).as("type, paused and since: %s", paused).isEqualTo(3);
            }
            JsonNode refused = moderator.commandWithId("while-paused", "ChangePhase", "to", "OPENING");
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("code").asText()).isEqualTo("UNAVAILABLE");

            display.hello(null);
            display.awaitMessage(0, LiveClient.storage(true));
            List<String> types = display.messages.stream().map(message -> message.path("type").asText()).toList();
            assertThat(types).containsExactly("snapshot", "ready", "storage");
            assertThat(display.seq()).isEqualTo(stored);
        }

        for (LiveClient peer : List.of(moderator, listener, display)) {
            int paused = peer.messages.indexOf(peer.awaitMessage(0, LiveClient.storage(true)));
            assertThat(peer.messages.indexOf(peer.awaitMessage(0, LiveClient.storage(false)))).isGreaterThan(paused);
        }
        JsonNode answer = moderator.commandWithId("while-paused", "ChangePhase", "to", "OPENING");
        assertThat(answer.path("type").asText()).as("%s", answer).isEqualTo("ack");
        assertThat(answer.path("seq").asLong()).isEqualTo(stored + 1);
        for (LiveClient peer : List.of(listener, display)) {
            peer.awaitSeq(stored + 1);
            assertThat(peer.problems).isEmpty();
            assertThat(peer.closeCode).isNull();
            peer.close();
        }
        moderator.close();
    }
}
