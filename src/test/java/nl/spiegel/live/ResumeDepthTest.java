package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.TestDatabase;

/**
 * The depth of resume that docs/protocol.md states is the one the server keeps, per role group, in
 * changes and in characters, and also after a restart: a room dropped from memory (as after a
 * restart, or on another node) and loaded from the stream again resumes as deep as one that ran on.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ResumeDepthTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    Rooms rooms;

    /** As a restart does: this node holds nothing of the meeting; the next hello loads it from the stream. */
    private void restart(Api.Created m) {
        rooms.forget(UUID.fromString(m.id()));
    }

    private static void houseRules(LiveClient moderator, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(moderator.command("SetHouseRules", "text", "Huisregel " + i).path("type").asText()).isEqualTo("ack");
        }
    }

    /** A client that had everything up to {@code lastSeq} says hello; whether it could resume from there. */
    private LiveClient resumes(Api.Created m, String key, long lastSeq, LiveClient earlier) {
        return LiveClient.connect(server, m.id(), key).resumeFrom(earlier).hello(lastSeq);
    }

    @Test
    void listenersResumeUpTo64ChangesBackAlsoAfterARestart() {
        Api.Created m = Api.createMeeting("Diep hervatten", 1, 2);
        String listenerKey = Api.join(m.joinCode(), null).getString("key");
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        LiveClient listener = LiveClient.connect(server, m.id(), listenerKey).hello(null);
        long from = listener.seq();
        listener.close();
        houseRules(moderator, 60);
        long now = moderator.seq();
        moderator.close();
        restart(m);

        LiveClient back = resumes(m, listenerKey, from, listener);
        assertThat(back.snapshots).as("60 changes back, after a restart").isZero();
        assertThat(back.countOfType("change")).isEqualTo((int) (now - from));
        assertThat(back.problems).isEmpty();
        back.close();

        LiveClient moderatorAgain = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        houseRules(moderatorAgain, 10);
        moderatorAgain.close();
        restart(m);
        LiveClient tooFar = resumes(m, listenerKey, from, listener);
        assertThat(tooFar.snapshots).as("70 changes back: more than 64").isEqualTo(1);
        assertThat(tooFar.countOfType("change")).isZero();
        tooFar.close();
    }

    @Test
    void everyRoleResumesAFewChangesBackAfterARestart() {
        Api.Created m = Api.createMeeting("Na een herstart", 2, 4);
        String listenerKey = Api.join(m.joinCode(), null).getString("key");
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        List<LiveClient> clients = List.of(
                LiveClient.connect(server, m.id(), m.assistantKey()).hello(null),
                LiveClient.connect(server, m.id(), m.displayKey()).hello(null),
                LiveClient.connect(server, m.id(), listenerKey).hello(null));
        List<String> keys = List.of(m.assistantKey(), m.displayKey(), listenerKey);
        long from = moderator.seq();
        clients.forEach(LiveClient::close);
        houseRules(moderator, 4);
        moderator.close();
        restart(m);

        for (int i = 0; i < clients.size(); i++) {
            LiveClient back = resumes(m, keys.get(i), from, clients.get(i));
            assertThat(back.snapshots).as("role %d resumes 4 back", i).isZero();
            assertThat(back.countOfType("change")).isEqualTo(4);
            assertThat(back.view().path("houseRules").isMissingNode()
                    ? back.view().path("details").path("houseRules").asText()
                    : back.view().path("houseRules").asText()).isEqualTo("Huisregel 3");
            back.close();
        }
    }

    @Test
    void aModeratorWhoMissedMoreThanItsBudgetOfCharactersGetsASnapshot() {
        Api.Created m = Api.createMeeting("Veel tekst", 1, 2);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        LiveClient assistant = LiveClient.connect(server, m.id(), m.assistantKey()).hello(null);
        assistant.close();
        // Each change carries house rules of 4 000 characters: fewer than 64 changes, more than the budget.
        int changes = (int) (Room.MODERATOR_HISTORY_CHARS / 4000) + 1;
        assertThat(changes).isLessThan(Room.HISTORY);
        String last = "";
        for (int i = 0; i < changes; i++) {
            last = ("Huisregel " + i + " ").repeat(400).substring(0, 4000);
            assertThat(moderator.command("SetHouseRules", "text", last).path("type").asText()).isEqualTo("ack");
        }
        LiveClient back = resumes(m, m.assistantKey(), assistant.seq(), assistant);
        assertThat(back.snapshots).isEqualTo(1);
        assertThat(back.countOfType("change")).isZero();
        assertThat(back.view().get("details").get("houseRules").asText()).isEqualTo(last);
        List.of(moderator, back).forEach(LiveClient::close);
    }
}
