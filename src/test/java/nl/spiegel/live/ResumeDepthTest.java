package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.spiegel.meeting.Actor;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Decision;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.MeetingCore;
import nl.spiegel.meeting.NoteTag;
import nl.spiegel.meeting.Recorded;
import nl.spiegel.store.EventStore;
import nl.spiegel.store.Verdict;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.TestDatabase;

/**
 * The depth of resume that docs/protocol.md states is the one the server keeps, for every role, also
 * after a restart: a room dropped from memory (as after a restart, or on another node) and loaded
 * from the stream again sends a client that missed 4 or 60 changes of an ordinary meeting exactly
 * those changes, the same ones a room that ran on sends, and one that missed more than 64 a snapshot.
 * A group sent none of the changes it kept (here the display and the follow-up page) gets a snapshot
 * after a restart.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ResumeDepthTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    Rooms rooms;

    @Inject
    EventStore store;

    /** As a restart does: this node holds nothing of the meeting; the next hello loads it from the stream. */
    private void restart(Api.Created m) {
        rooms.forget(UUID.fromString(m.id()));
    }

    /**
     * An ordinary meeting's run of {@code events} events, one per command: turns, the moderator
     * speaking, notes (shared and private), whispers, now and then a listener's question.
     */
    private static void ordinary(LiveClient moderator, LiveClient listener, List<String> seats, int events) {
        for (int i = 0; i < events; i++) {
            long seq = moderator.seq();
            int n = (int) seq;
            JsonNode answer = n % 20 == 7 ? listener.command("SubmitQuestion", "text", "Wat bedoelde u met punt " + n + "?")
                    : switch (n % 10) {
                        case 0, 3, 6 -> moderator.command("GiveFloor", "participantId", seats.get(n % seats.size()));
                        case 1, 5, 8 -> moderator.command("AddNote", "tag", "IMPROVEMENT_POINT", "text",
                                "Deelnemer " + (n % 12 + 1) + " wacht vaak lang op een terugbelafspraak (" + n + ")",
                                "shared", n % 2 == 0);
                        case 2 -> moderator.command("Whisper", "text", "Let op de tijd, nog " + n + " minuten");
                        case 4 -> moderator.command("ModeratorSpeaks");
                        default -> moderator.command("AddNote", "tag", "QUOTE", "text", "Citaat " + n, "shared", false);
                    };
            assertThat(answer.path("type").asText()).as("%s", answer).isEqualTo("ack");
            assertThat(answer.path("seq").asLong()).as("one event per command").isEqualTo(seq + 1);
            moderator.awaitSeq(seq + 1);
            // Within the key's 15 messages a second after a burst of 60.
            LockSupport.parkNanos(70_000_000);
        }
    }

    /** Every role's key: moderator, assistant, display, a listener who asks, the public follow-up page. */
    private static Map<String, String> keys(Api.Created m, String listenerKey, String followUpToken) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("moderator", m.moderatorKey());
        keys.put("assistant", m.assistantKey());
        keys.put("display", m.displayKey());
        keys.put("listener", listenerKey);
        keys.put("public", followUpToken);
        return keys;
    }

    /** A client of every role that has the meeting up to now, then goes away (its view kept to resume from). */
    private Map<String, LiveClient> leaveNow(Api.Created m, Map<String, String> keys) {
        Map<String, LiveClient> left = new LinkedHashMap<>();
        keys.forEach((role, key) -> {
            LiveClient client = LiveClient.connect(server, m.id(), key).hello(null);
            client.close();
            left.put(role, client);
        });
        return left;
    }

    /** A client that had everything up to {@code earlier}'s seq says hello from there. */
    private LiveClient resume(Api.Created m, String key, LiveClient earlier) {
        return LiveClient.connect(server, m.id(), key).resumeFrom(earlier).hello(earlier.seq());
    }

    private static List<String> changes(LiveClient client) {
        List<String> changes = new ArrayList<>();
        for (String frame : client.frames) {
            if (frame.startsWith("{\"type\":\"change\"")) {
                changes.add(frame);
            }
        }
        return changes;
    }

    @Test
    void everyRoleResumes4And60ChangesBackAfterARestartAndFurtherBackGetsASnapshot() {
        Api.Created m = Api.createMeeting("Hervatten na een herstart", 3, 12);
        String listenerKey = Api.join(m.joinCode(), "Sanne").getString("key");
        String token = m.asModerator().post("/api/meetings/" + m.id() + "/followup-link").then().statusCode(200)
                .extract().path("token");
        Map<String, String> keys = keys(m, listenerKey, token);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        LiveClient asker = LiveClient.connect(server, m.id(), listenerKey).hello(null);
        List<String> seats = moderator.view().get("participants").findValuesAsText("id");
        for (String phase : List.of("LOBBY", "OPENING", "CONVERSATION")) {
            assertThat(moderator.command("ChangePhase", "to", phase).path("type").asText()).isEqualTo("ack");
        }
        ordinary(moderator, asker, seats, 40);

        Map<String, LiveClient> sixtyBack = leaveNow(m, keys);
        ordinary(moderator, asker, seats, 56);
        Map<String, LiveClient> fourBack = leaveNow(m, keys);
        ordinary(moderator, asker, seats, 4);
        long now = moderator.seq();
        assertThat(moderator.view().get("notes").size()).isGreaterThan(40);
        List.of(moderator, asker).forEach(LiveClient::close);

        Map<String, List<String>> running = new LinkedHashMap<>();
        keys.forEach((role, key) -> {
            LiveClient back = resume(m, key, sixtyBack.get(role));
            running.put(role, changes(back));
            back.close();
        });
        restart(m);

        keys.forEach((role, key) -> {
            LiveClient fresh = LiveClient.connect(server, m.id(), key).hello(null);
            fresh.close();
            // The display and the follow-up page saw none of the last 64 events: a restarted room cannot
            // know which event made the view their clients hold, so they get a snapshot.
            boolean quiet = role.equals("display") || role.equals("public");
            for (LiveClient earlier : List.of(sixtyBack.get(role), fourBack.get(role))) {
                long missed = now - earlier.seq();
                LiveClient back = resume(m, key, earlier);
                assertThat(back.snapshots).as("%s, %d changes back, after a restart", role, missed).isEqualTo(quiet ? 1 : 0);
                assertThat(back.problems).isEmpty();
                assertThat(back.view()).as("%s's view, resumed %d back", role, missed).isEqualTo(fresh.view());
                if (role.startsWith("moderator") || role.equals("assistant")) {
                    assertThat(back.countOfType("change")).isEqualTo((int) missed);
                }
                if (missed == 60 && !quiet) {
                    assertThat(changes(back)).as("%s: the same changes as the room that ran on", role)
                            .isEqualTo(running.get(role));
                }
                back.close();
            }
            LiveClient tooFar = LiveClient.connect(server, m.id(), key).hello(now - Room.HISTORY - 1);
            assertThat(tooFar.snapshots).as("%s, %d changes back", role, Room.HISTORY + 1).isEqualTo(1);
            assertThat(tooFar.countOfType("change")).isZero();
            tooFar.close();
        });
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
        LiveClient back = resume(m, m.assistantKey(), assistant);
        assertThat(back.snapshots).isEqualTo(1);
        assertThat(back.countOfType("change")).isZero();
        assertThat(back.view().get("details").get("houseRules").asText()).isEqualTo(last);
        List.of(moderator, back).forEach(LiveClient::close);
    }

    /**
     * Another node appended more than 64 events before this one read any (here: in one statement):
     * the room folds the older ones without changes, so the clients connected here hold views from
     * before them and get a snapshot, not changes from a view they never had.
     */
    @Test
    void clientsHereGetASnapshotWhenMoreThan64EventsArriveAtOnce() {
        Api.Created m = Api.createMeeting("Van een ander knooppunt", 3, 8);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        LiveClient listener = LiveClient.connect(server, m.id(), Api.join(m.joinCode(), "Sanne").getString("key")).hello(null);
        LiveClient display = LiveClient.connect(server, m.id(), m.displayKey()).hello(null);
        UUID id = UUID.fromString(m.id());
        Meeting state = rooms.meeting(id).await().atMost(Duration.ofSeconds(10));
        List<Recorded> elsewhere = new ArrayList<>();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < Room.HISTORY + 6; i++) {
            Decision.Accepted accepted = (Decision.Accepted) MeetingCore.decide(state, Actor.MODERATOR,
                    new Command.AddNote(null, NoteTag.OTHER, "Elders genoteerd " + i, true), at);
            for (Recorded recorded : MeetingCore.record(state, accepted)) {
                state = MeetingCore.evolve(state, recorded);
                elsewhere.add(recorded);
            }
        }
        store.append(id, null, new Verdict.Append(at, elsewhere, state)).await().atMost(Duration.ofSeconds(10));

        for (LiveClient client : List.of(moderator, listener, display)) {
            client.awaitSeq(state.seq());
            assertThat(client.problems).isEmpty();
            assertThat(client.snapshots).as("a snapshot after the events from elsewhere").isEqualTo(2);
        }
        assertThat(moderator.view().get("notes")).hasSize(Room.HISTORY + 6);
        assertThat(listener.view().get("notes")).hasSize(Room.HISTORY + 6);
        List.of(moderator, listener, display).forEach(LiveClient::close);
    }
}
