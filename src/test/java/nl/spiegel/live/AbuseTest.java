package nl.spiegel.live;

import static nl.spiegel.support.Management.management;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.RawFrame;
import nl.spiegel.support.TestDatabase;

/**
 * What a hostile listener, with nothing but the join code, tries against a live meeting: stop
 * reading, open many connections, send around the limits, hold on to what was taken back.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class AbuseTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    Rooms rooms;

    private LiveClient inConversation(Api.Created m) {
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        for (String phase : List.of("LOBBY", "OPENING", "CONVERSATION")) {
            moderator.command("ChangePhase", "to", phase);
        }
        return moderator;
    }

    /** A command sent again, after a moment, while the rate limit says so. */
    private static JsonNode patiently(LiveClient client, String type, Object... fields) {
        return Awaitility.await("an answer other than RATE_LIMITED").atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> client.command(type, fields), answer -> !answer.path("code").asText().equals("RATE_LIMITED"));
    }

    /** A meeting in conversation, its moderator's connection, and one listener's key. */
    private record Scene(Api.Created meeting, LiveClient moderator, String listenerKey) {}

    private Scene scene(String title) {
        Api.Created m = Api.createMeeting(title, 1, 2);
        return new Scene(m, inConversation(m), Api.join(m.joinCode(), null).getString("key"));
    }

    /**
     * Ten listeners stop reading while the moderator shares long notes: without a bound on what is
     * queued per connection the server kept every message for them (gigabytes within a minute, when
     * each change of the notes carried all of them). Now a change carries the new note, and what they
     * are sent mostly waits in the kernel's buffers: they are closed as too slow (PeerTest holds the
     * bound) or for answering no ping, or dropped.
     */
    @Test
    void pausedReadersAreClosedAndCannotGrowTheHeap() throws Exception {
        Api.Created m = Api.createMeeting("Stille lezers", 1, 2);
        LiveClient moderator = inConversation(m);
        List<Socket> paused = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            paused.add(RawFrame.pausedReader(server, m.id(), Api.join(m.joinCode(), null).getString("key")));
        }
        String text = "Een lange gedeelde notitie. ".repeat(70);
        long mostQueued = 0;
        for (int i = 0; i < 200; i++) {
            assertThat(patiently(moderator, "AddNote", "tag", "QUOTE", "text", i + " " + text, "shared", true)
                    .path("type").asText()).isEqualTo("ack");
            mostQueued = Math.max(mostQueued, rooms.queued());
        }
        // What is queued for a connection is bounded, whatever its reader does (memory per connection is bench/'s).
        assertThat(mostQueued).as("characters queued at most").isLessThanOrEqualTo(11 * Peer.MAX_QUEUED);
        for (Socket socket : paused) {
            long[] read = new long[1];
            int code = RawFrame.readUntilClosed(socket, read);
            assertThat(code).as("closed as too slow or silent, or dropped").isIn(4408, 1001, -1);
            socket.close();
        }
        // The meeting went on for those who read.
        assertThat(moderator.view().get("notes")).hasSize(200);
        moderator.close();
    }

    @Test
    void aListenerKeyOpensAtMostThreeConnectionsTheOldestMakesWay() {
        Api.Created m = Api.createMeeting("{\"title\":\"Veel vensters\"}");
        String key = Api.join(m.joinCode(), null).getString("key");
        List<LiveClient> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(LiveClient.connect(server, m.id(), key).hello(null));
        }
        clients.getFirst().awaitClosed();
        assertThat(clients.getFirst().closeCode).isEqualTo(4429);
        for (LiveClient other : clients.subList(1, 4)) {
            assertThat(other.closeCode).isNull();
            other.close();
        }
    }

    /** Reconnecting used to reset the limit: 1 189 questions a minute from one key. */
    @Test
    void theRateLimitHoldsPerKeyAcrossReconnects() {
        Scene at = scene("Opnieuw verbinden");
        int accepted = 0;
        JsonNode last = null;
        for (int round = 0; round < 4; round++) {
            LiveClient listener = LiveClient.connect(server, at.meeting().id(), at.listenerKey()).hello(null);
            for (int i = 0; i < 4; i++) {
                last = listener.command("WithdrawQuestion", "questionId", "Q" + round + i);
                if (!last.path("code").asText().equals("RATE_LIMITED")) {
                    accepted++;
                }
            }
            listener.close();
        }
        assertThat(accepted).isLessThanOrEqualTo(9);
        assertThat(last.path("type").asText()).isEqualTo("error");
        assertThat(last.path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(last.path("message").asText()).contains("30");
        at.moderator().close();
    }

    @Test
    void theModeratorRemovesAListenerWhoseKeyStopsAtOnce() throws Exception {
        Api.Created m = Api.createMeeting("Verwijderen", 1, 2);
        LiveClient moderator = inConversation(m);
        var joined = Api.join(m.joinCode(), "Stoorzender");
        String key = joined.getString("key");
        LiveClient listener = LiveClient.connect(server, m.id(), key).hello(null);
        listener.command("SubmitQuestion", "text", "Iets kwetsends");
        listener.command("SubmitQuestion", "text", "Nog iets");
        moderator.awaitSeq(listener.seq());
        assertThat(moderator.view().get("listenerList").get(0).get("displayName").asText()).isEqualTo("Stoorzender");
        assertThat(moderator.view().get("listenerList").get(0).get("waiting").asInt()).isEqualTo(2);

        assertThat(moderator.command("RemoveListener", "listenerId", joined.getString("listenerId"), "keepQuestions", false)
                .path("type").asText()).isEqualTo("ack");
        listener.awaitClosed();
        assertThat(listener.closeCode).isEqualTo(4401);
        assertThat(moderator.view().get("questions")).isEmpty();
        assertThat(moderator.view().get("listeners").asInt()).isZero();
        Api.as(key).get("/api/meetings/" + m.id() + "/view").then().statusCode(401);
        assertThat(LiveClient.refusal(server, m.id(), b -> b.header("Authorization", "Bearer " + key))).isEqualTo(401);
        moderator.close();
    }

    /**
     * A listener resuming from an early seq got every change since, so also a note that was shared
     * and later made private, or deleted. Now such a resume gets a snapshot.
     */
    @Test
    void aResumeAfterARetractionCarriesNoRetractedText() {
        Scene at = scene("Teruggenomen");
        LiveClient early = LiveClient.connect(server, at.meeting().id(), at.listenerKey()).hello(null);
        long from = early.seq();
        early.close();
        at.moderator().command("AddNote", "tag", "QUOTE", "text", "Per ongeluk gedeeld", "shared", true);
        at.moderator().command("AddNote", "tag", "QUOTE", "text", "Gedeeld en gewist", "shared", true);
        at.moderator().command("AddNote", "tag", "WISH", "text", "Blijft gedeeld", "shared", true);
        JsonNode notes = at.moderator().view().get("notes");
        at.moderator().command("EditNote", "noteId", notes.get(0).get("id").asText(), "shared", false);
        at.moderator().command("DeleteNote", "noteId", notes.get(1).get("id").asText());

        for (String resumeKey : List.of(at.listenerKey(), at.meeting().displayKey())) {
            // Ready follows what was missed: the display, which shows no notes, was sent nothing.
            LiveClient resumed = LiveClient.connect(server, at.meeting().id(), resumeKey).hello(from);
            assertThat(String.join("\n", resumed.frames)).doesNotContain("Per ongeluk gedeeld", "Gedeeld en gewist");
            // The listeners' view lost a text since: a snapshot. The display's never held one: the changes.
            assertThat(resumed.snapshots).isEqualTo(resumeKey.equals(at.listenerKey()) ? 1 : 0);
            resumed.close();
        }
        // Without a retraction a resume is still just the changes.
        long now = at.moderator().seq();
        at.moderator().command("AddNote", "tag", "WISH", "text", "Nog een wens", "shared", true);
        LiveClient resumed = LiveClient.connect(server, at.meeting().id(), at.listenerKey()).hello(now);
        assertThat(resumed.snapshots).isZero();
        assertThat(resumed.seq()).isEqualTo(at.moderator().seq());
        resumed.close();
        at.moderator().close();
    }

    @Test
    void aListenerHandsInAtMostTenTopics() throws Exception {
        Api.Created m = Api.createMeeting("{\"title\":\"Onderwerpen\"}");
        m.asModerator().body("{\"open\":true}").put("/api/meetings/" + m.id() + "/topics-open").then().statusCode(200);
        LiveClient listener = LiveClient.connect(server, m.id(), Api.join(m.joinCode(), null).getString("key")).hello(null);
        JsonNode answer = null;
        for (int i = 0; i <= 10; i++) {
            answer = patiently(listener, "SubmitTopic", "text", "Onderwerp " + i);
            assertThat(answer.path("type").asText()).isEqualTo(i < 10 ? "ack" : "rejected");
        }
        assertThat(answer.path("code").asText()).isEqualTo("TOO_MANY_TOPICS");
        assertThat(answer.path("message").asText()).contains("10");
        listener.close();
        management().get("/q/health/ready").then().statusCode(200);
    }
}
