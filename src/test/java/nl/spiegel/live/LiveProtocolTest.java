package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.MovableClock;
import nl.spiegel.support.RawFrame;
import nl.spiegel.support.TestDatabase;

/** The live protocol's promises, each against a real server and real WebSocket clients. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class LiveProtocolTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    MeterRegistry registry;

    private static final Set<String> LISTENER_COMMANDS = Set.of("SubmitQuestion", "WithdrawQuestion", "SubmitTopic",
            "JoinAsListener", "WriteTakeAway", "RatePerceivedBalance");

    /**
     * A listener is sent no frame for an event that changes nothing they see: another listener
     * joining, a whisper, a private note. The moderator is sent every event (decision 0044).
     */
    @Test
    void aChangeGoesOnlyToTheRolesWhoseViewItChanges() {
        Api.Created m = Api.createMeeting("Alleen wat verandert", 2, 4);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        LiveClient listener = LiveClient.connect(server, m.id(), Api.join(m.joinCode(), "Anna").getString("key")).hello(null);
        LiveClient display = LiveClient.connect(server, m.id(), m.displayKey()).hello(null);
        for (String phase : List.of("LOBBY", "OPENING", "CONVERSATION")) {
            moderator.command("ChangePhase", "to", phase);
        }
        long from = moderator.seq();
        listener.awaitSeq(from);
        display.awaitSeq(from);
        int listenerChanges = listener.countOfType("change");
        int displayChanges = display.countOfType("change");

        Api.join(m.joinCode(), "Bert");
        moderator.command("Whisper", "text", "Nog tien minuten");
        moderator.command("AddNote", "tag", "QUOTE", "text", "Alleen voor ons", "shared", false);
        long shared = moderator.command("AddNote", "tag", "WISH", "text", "Voor iedereen", "shared", true).get("seq").asLong();
        long houseRules = moderator.command("SetHouseRules", "text", "Iedereen mag uitpraten").get("seq").asLong();
        assertThat(houseRules).isEqualTo(from + 5);

        moderator.awaitSeq(houseRules);
        assertThat(moderator.problems).as("the moderator gets every event, in order").isEmpty();
        listener.awaitSeq(houseRules);
        display.awaitSeq(houseRules);
        List<Long> listenerSeqs = listener.messages.stream().filter(msg -> msg.path("type").asText().equals("change"))
                .skip(listenerChanges).map(msg -> msg.get("seq").asLong()).toList();
        List<Long> displaySeqs = display.messages.stream().filter(msg -> msg.path("type").asText().equals("change"))
                .skip(displayChanges).map(msg -> msg.get("seq").asLong()).toList();
        assertThat(listenerSeqs).as("the shared note and the house rules").containsExactly(shared, houseRules);
        assertThat(displaySeqs).as("the house rules only").containsExactly(houseRules);
        assertThat(String.join("\n", listener.frames)).doesNotContain("Nog tien minuten", "Alleen voor ons", "Bert");
        List.of(listener, display).forEach(client -> assertThat(client.problems).isEmpty());

        LiveClient latecomer = LiveClient.connect(server, m.id(), Api.join(m.joinCode(), null).getString("key")).hello(null);
        assertThat(latecomer.view()).as("what a new listener gets is what the first one holds").isEqualTo(listener.view());
        List.of(moderator, listener, display, latecomer).forEach(LiveClient::close);
    }

    @Test
    void everyCommandForEveryRole() throws Exception {
        Api.Created m = Api.createMeeting("Rechten", 2, 3);
        JsonPath listener = Api.join(m.joinCode(), "Lia");
        Map<String, String> keys = Map.of("MODERATOR", m.moderatorKey(), "ASSISTANT", m.assistantKey(),
                "DISPLAY", m.displayKey(), "LISTENER", listener.getString("key"));
        Map<String, LiveClient> clients = new HashMap<>();
        keys.forEach((role, key) -> clients.put(role, LiveClient.connect(server, m.id(), key).hello(null)));
        for (String type : Protocol.COMMANDS.keySet()) {
            for (String role : List.of("LISTENER", "DISPLAY")) {
                boolean mayTry = role.equals("LISTENER") && LISTENER_COMMANDS.contains(type);
                // A fresh listener per command: the rate limit of a listener's key is not what this tests.
                String key = role.equals("LISTENER") ? Api.join(m.joinCode(), null).getString("key") : keys.get(role);
                clients.get(role).close();
                clients.put(role, LiveClient.connect(server, m.id(), key).hello(null));
                long before = TestDatabase.events(m.id());
                JsonNode answer = clients.get(role).command(type);
                if (!mayTry) {
                    assertThat(answer.path("code").asText()).as("%s %s", role, type).isEqualTo("FORBIDDEN");
                    assertThat(TestDatabase.events(m.id())).as("%s %s stored something", role, type).isEqualTo(before);
                }
            }
            for (String role : List.of("MODERATOR", "ASSISTANT")) {
                JsonNode answer = clients.get(role).command(type);
                assertThat(answer.path("code").asText().equals("FORBIDDEN")).as("%s %s: %s", role, type, answer)
                        .isEqualTo(LISTENER_COMMANDS.contains(type));
            }
        }
        clients.values().forEach(LiveClient::close);
    }

    /**
     * A room does not read back the events of its own node's live commands (their notification
     * mostly arrives before the command's answer), yet events appended meanwhile through REST reach
     * every client, in order.
     */
    @Test
    void liveCommandsAreNotReadBackAndRestChangesMeanwhileStillArrive() throws Exception {
        Api.Created m = Api.createMeeting("Eigen meldingen", 2, 4);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        LiveClient listener = LiveClient.connect(server, m.id(), Api.join(m.joinCode(), null).getString("key")).hello(null);
        double readForNotifications = eventsRead("notify");
        for (int i = 0; i < 30; i++) {
            assertThat(moderator.command("SetHouseRules", "text", "Regels " + i).path("type").asText()).isEqualTo("ack");
        }
        assertThat(eventsRead("notify")).isEqualTo(readForNotifications);

        ExecutorService rest = Executors.newSingleThreadExecutor();
        try {
            var restDone = rest.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    Api.as(m.moderatorKey()).contentType("application/json").body(Map.of("text", "Via REST " + i))
                            .put("/api/meetings/" + m.id() + "/house-rules").then().statusCode(200);
                }
                return null;
            });
            for (int i = 0; i < 15; i++) {
                moderator.commandWithId("live-" + i, "SetHouseRules", "text", "Live " + i);
            }
            restDone.get();
        } finally {
            rest.shutdown();
        }
        long last = RestAssured.given().header("Authorization", "Bearer " + m.moderatorKey())
                .get("/api/meetings/" + m.id() + "/view").then().statusCode(200).extract().jsonPath().getLong("seq");
        listener.awaitSeq(last);
        moderator.awaitSeq(last);
        assertThat(listener.problems).isEmpty();
        assertThat(moderator.problems).isEmpty();
        moderator.close();
        listener.close();
    }

    private double eventsRead(String cause) {
        Counter counter = registry.find("spiegel.live.events.read").tag("cause", cause).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * Listeners without an own part share one written view (given each one's id); one who asked
     * something gets their own. Either way the snapshot is the view the API gives that key.
     */
    @Test
    void eachListenersSnapshotIsTheirOwnView() throws Exception {
        Api.Created m = Api.createMeeting("Eigen deel", 2, 4);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        for (String phase : List.of("LOBBY", "OPENING", "CONVERSATION")) {
            moderator.command("ChangePhase", "to", phase);
        }
        JsonPath asking = Api.join(m.joinCode(), null);
        JsonPath quiet = Api.join(m.joinCode(), null);
        LiveClient asker = LiveClient.connect(server, m.id(), asking.getString("key")).hello(null);
        assertThat(asker.command("SubmitQuestion", "text", "Hoe lang duurt de wachttijd?").path("type").asText()).isEqualTo("ack");
        asker.close();
        for (JsonPath listener : List.of(asking, quiet, quiet)) {
            LiveClient client = LiveClient.connect(server, m.id(), listener.getString("key")).hello(null);
            JsonNode snapshot = client.messages.stream().filter(msg -> msg.path("type").asText().equals("snapshot"))
                    .findFirst().orElseThrow();
            JsonNode overRest = new ObjectMapper().readTree(Api.as(listener.getString("key"))
                    .get("/api/meetings/" + m.id() + "/view").then().statusCode(200).extract().asString());
            assertThat(snapshot.get("listenerId").asText()).isEqualTo(listener.getString("listenerId"));
            // The snapshot holds the view the listeners were last sent: the joins since changed only its seq and time.
            JsonNode sent = ((ObjectNode) snapshot.get("view").deepCopy()).without(List.of("seq", "asOf"));
            JsonNode made = ((ObjectNode) overRest.get("view").deepCopy()).without(List.of("seq", "asOf"));
            assertThat(sent).isEqualTo(made);
            client.close();
        }
        moderator.close();
    }

    @Test
    void aListenerResumesWithExactlyTheChangesItMissed() throws Exception {
        Api.Created m = Api.createMeeting("Hervatten", 2, 4);
        String listenerKey = Api.join(m.joinCode(), null).getString("key");
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        LiveClient first = LiveClient.connect(server, m.id(), listenerKey).hello(null);
        moderator.command("ChangePhase", "to", "LOBBY");
        first.awaitSeq(moderator.seq());
        long lastSeen = first.seq();
        first.close();

        List<String> seats = moderator.view().findValuesAsText("id").stream().filter(id -> id.startsWith("P")).distinct().toList();
        moderator.command("ChangePhase", "to", "OPENING");
        moderator.command("ChangePhase", "to", "CONVERSATION");
        for (int i = 0; i < 16; i++) {
            assertThat(moderator.command("GiveFloor", "participantId", seats.get(i % seats.size())).path("type").asText())
                    .isEqualTo("ack");
        }
        moderator.command("AddNote", "tag", "WISH", "text", "Gedeelde wens", "shared", true);
        long now = moderator.seq();
        assertThat(now - lastSeen).isGreaterThanOrEqualTo(20);

        LiveClient again = LiveClient.connect(server, m.id(), listenerKey).resumeFrom(first).hello(lastSeen);
        assertThat(again.snapshots).isZero();
        List<Long> seqs = again.messages.stream().filter(msg -> msg.path("type").asText().equals("change"))
                .map(msg -> msg.get("seq").asLong()).toList();
        assertThat(seqs).hasSize((int) (now - lastSeen));
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(lastSeen + 1 + i);
        }
        assertThat(again.problems).isEmpty();
        assertThat(again.view().get("notes").get(0).get("text").asText()).isEqualTo("Gedeelde wens");
        again.close();

        LiveClient future = LiveClient.connect(server, m.id(), listenerKey).hello(now + 500);
        assertThat(future.snapshots).isEqualTo(1);
        assertThat(future.seq()).isEqualTo(now);
        future.close();
        LiveClient negative = LiveClient.connect(server, m.id(), listenerKey).hello(-3L);
        assertThat(negative.snapshots).isEqualTo(1);
        negative.close();
        // No change was applied before seq 1: lastSeq 0 is a fresh start, a snapshot.
        LiveClient zero = LiveClient.connect(server, m.id(), listenerKey).hello(0L);
        assertThat(zero.snapshots).isEqualTo(1);
        assertThat(zero.countOfType("change")).isZero();
        List.of(moderator, zero).forEach(LiveClient::close);
    }

    @Test
    void aSeqOlderThanTheHistoryGetsAFreshSnapshot() throws Exception {
        Api.Created m = Api.createMeeting("{\"title\":\"Lang geleden\"}");
        LiveClient early = LiveClient.connect(server, m.id(), m.displayKey()).hello(null);
        long old = early.seq();
        early.close();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> edits = new ArrayList<>();
            for (int i = 0; i < Room.HISTORY + 10; i++) {
                int n = i;
                edits.add(() -> m.asModerator().body("{\"text\":\"Huisregels " + n + "\"}")
                        .put("/api/meetings/" + m.id() + "/house-rules").statusCode());
            }
            for (var result : pool.invokeAll(edits)) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        LiveClient late = LiveClient.connect(server, m.id(), m.displayKey()).hello(old);
        assertThat(late.snapshots).isEqualTo(1);
        assertThat(late.seq()).isEqualTo(old + Room.HISTORY + 10);
        assertThat(late.countOfType("change")).isZero();
        late.close();
    }

    @Test
    void theSameCommandIdTwiceIsAppliedOnceAndAnsweredTheSame() throws Exception {
        Api.Created m = Api.createMeeting("Dubbel", 1, 2);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        JsonNode first = moderator.commandWithId("tablet-1-0042", "AddTheme", "title", "Extra", "centralQuestion", "Nog iets?",
                "minutes", 5);
        long stored = TestDatabase.events(m.id());
        JsonNode second = moderator.commandWithId("tablet-1-0042", "AddTheme", "title", "Extra", "centralQuestion", "Nog iets?",
                "minutes", 5);
        assertThat(second).isEqualTo(first);
        assertThat(TestDatabase.events(m.id())).isEqualTo(stored);
        assertThat(moderator.view().get("guide")).hasSize(2);

        // Another listener may use the same id for their own command.
        LiveClient anna = LiveClient.connect(server, m.id(), Api.join(m.joinCode(), "Anna").getString("key")).hello(null);
        LiveClient ben = LiveClient.connect(server, m.id(), Api.join(m.joinCode(), "Ben").getString("key")).hello(null);
        moderator.command("ChangePhase", "to", "LOBBY");
        long lobby = moderator.seq();
        anna.commandWithId("q-1", "SubmitQuestion", "text", "Vraag van Anna");
        ben.commandWithId("q-1", "SubmitQuestion", "text", "Vraag van Ben");
        ben.awaitSeq(lobby + 2);
        assertThat(ben.view().get("myQuestions").get(0).get("text").asText()).isEqualTo("Vraag van Ben");
        List.of(moderator, anna, ben).forEach(LiveClient::close);
    }

    @Test
    void aRejectedCommandIsAnsweredTheSameWhenSentAgainLater() throws Exception {
        Api.Created m = Api.createMeeting("Eén antwoord", 2, 2);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        LiveClient assistant = LiveClient.connect(server, m.id(), m.assistantKey()).hello(null);
        String secondTheme = moderator.view().get("guide").get(1).get("id").asText();
        moderator.command("ChangePhase", "to", "LOBBY");
        moderator.command("ChangePhase", "to", "OPENING");
        String early = "{\"type\":\"StartTheme\",\"commandId\":\"early-theme-X\",\"themeId\":\"" + secondTheme + "\"}";
        int from = assistant.messages.size();
        assistant.sendRaw(early);
        JsonNode first = assistant.awaitMessage(from, msg -> msg.path("commandId").asText().equals("early-theme-X"));
        assertThat(first.get("code").asText()).isEqualTo("WRONG_PHASE");

        moderator.command("ChangePhase", "to", "CONVERSATION");
        long stored = TestDatabase.events(m.id());
        // An outbox that sends the same frame after a reconnect gets the first answer: nothing starts.
        from = assistant.messages.size();
        assistant.sendRaw(early);
        JsonNode again = assistant.awaitMessage(from, msg -> msg.path("commandId").asText().equals("early-theme-X"));
        assertThat(again).isEqualTo(first);
        assertThat(TestDatabase.events(m.id())).isEqualTo(stored);
        assertThat(moderator.view().get("currentThemeId").asText()).isNotEqualTo(secondTheme);
        List.of(moderator, assistant).forEach(LiveClient::close);
    }

    @Test
    void aCommandThatChangedNothingIsAnsweredTheSameAndDoesNotApplyLater() throws Exception {
        Api.Created m = Api.createMeeting("Niets veranderd", 1, 2);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        moderator.command("ChangePhase", "to", "LOBBY");
        moderator.command("ChangePhase", "to", "OPENING");
        JsonNode first = moderator.commandWithId("pause-1", "PauseSpeaking");
        assertThat(first.get("type").asText()).isEqualTo("ack");
        String seat = moderator.view().get("participants").get(0).get("id").asText();
        moderator.command("GiveFloor", "participantId", seat);
        long stored = TestDatabase.events(m.id());
        assertThat(moderator.commandWithId("pause-1", "PauseSpeaking")).isEqualTo(first);
        assertThat(TestDatabase.events(m.id())).isEqualTo(stored);
        assertThat(moderator.view().get("speaker").get("participantId").asText()).isEqualTo(seat);
        moderator.close();
    }

    @Test
    void tapsSentLateAreTimedWhenTheyWereMadeAndTheTurnsAreTrue() throws Exception {
        Api.Created m = Api.createMeeting("Wifi weg", 1, 3);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        List<String> seats = new ArrayList<>();
        moderator.view().get("participants").forEach(p -> seats.add(p.get("id").asText()));
        moderator.command("ChangePhase", "to", "LOBBY");
        moderator.command("ChangePhase", "to", "OPENING");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MovableClock clock = new MovableClock(now);
        QuarkusMock.installMockForType(clock, Clock.class);
        moderator.command("GiveFloor", "participantId", seats.get(0));
        clock.move(Duration.ofMillis(1_500));
        now = now.plusMillis(1_500);
        // Made offline 1 s and 0.5 s ago, sent now; the server times them then and says so in the ack.
        String first = now.minusMillis(1_000).toString();
        JsonNode ack = moderator.command("GiveFloor", "participantId", seats.get(1), "actedAt", first);
        assertThat(Instant.parse(ack.get("at").asText())).isEqualTo(Instant.parse(first));
        moderator.command("GiveFloor", "participantId", seats.get(2), "actedAt", now.minusMillis(500).toString());
        moderator.command("PauseSpeaking");
        String csv = RestAssured.given().header("Authorization", "Bearer " + m.moderatorKey())
                .get(server.resolve("/api/meetings/" + m.id() + "/export/turns.csv")).then().statusCode(200).extract().asString();
        List<String> rows = csv.lines().skip(1).toList();
        assertThat(rows).hasSize(3);
        List<Double> seconds = rows.stream().map(row -> Double.parseDouble(row.substring(row.lastIndexOf(',') + 1))).toList();
        assertThat(seconds).as("given the floor, 0.5 s later a tap made offline, 0.5 s later another, 0.5 s later a pause")
                .containsExactly(0.5, 0.5, 0.5);
        assertThat(moderator.command("GiveFloor", "participantId", seats.get(0), "actedAt", "gisteren").get("field").asText())
                .isEqualTo("actedAt");
        moderator.close();
    }

    @Test
    void theModeratorAndTheAssistantHaveEachTheirOwnCommandIds() throws Exception {
        Api.Created m = Api.createMeeting("Twee tablets", 1, 2);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        LiveClient assistant = LiveClient.connect(server, m.id(), m.assistantKey()).hello(null);
        JsonNode mine = moderator.commandWithId("c1-X", "AddNote", "text", "Van de gespreksleider");
        JsonNode theirs = assistant.commandWithId("c1-X", "AddNote", "text", "Van de assistent");
        assertThat(mine.get("type").asText()).isEqualTo("ack");
        assertThat(theirs.get("type").asText()).isEqualTo("ack");
        assertThat(theirs.get("seq").asLong()).isEqualTo(mine.get("seq").asLong() + 1);
        moderator.awaitSeq(theirs.get("seq").asLong());
        assertThat(moderator.view().get("notes").findValuesAsText("text"))
                .containsExactly("Van de gespreksleider", "Van de assistent");
        List.of(moderator, assistant).forEach(LiveClient::close);
    }

    @Test
    void badInputGetsAClearErrorStoresNothingAndKeepsTheConnection() throws Exception {
        Api.Created m = Api.createMeeting("Fouten", 1, 2);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey());
        moderator.sendRaw("{\"type\":\"GiveFloor\",\"commandId\":\"x1\",\"participantId\":\"P3\"}");
        assertThat(moderator.awaitMessage(0, msg -> msg.path("type").asText().equals("error")).get("code").asText())
                .isEqualTo("HELLO_FIRST");
        moderator.hello(null);
        long stored = TestDatabase.events(m.id());

        assertError(moderator, "{niet json", "BAD_JSON", null);
        assertError(moderator, "[1,2]", "BAD_JSON", null);
        assertError(moderator, "{\"kind\":\"hello\"}", "MISSING_FIELD", null);
        assertError(moderator, "{\"type\":\"Dans\",\"commandId\":\"x2\"}", "UNKNOWN_TYPE", "Dans");
        assertError(moderator, "{\"type\":\"CreateMeeting\",\"commandId\":\"x3\",\"title\":\"Nee\"}", "UNKNOWN_TYPE", "CreateMeeting");
        assertError(moderator, "{\"type\":\"AddTheme\",\"title\":\"Zonder id\"}", "MISSING_FIELD", "AddTheme");
        assertError(moderator, "{\"type\":\"AddTheme\",\"commandId\":\"x4\",\"minutes\":\"veel\"}", "INVALID", "AddTheme");
        assertError(moderator, "{\"type\":\"hello\"}", "ALREADY_SUBSCRIBED", "hello");
        JsonNode missing = moderator.command("AddParticipant", "seat", 9);
        assertThat(missing.get("type").asText()).isEqualTo("rejected");
        assertThat(missing.get("code").asText()).isEqualTo("INVALID");
        assertThat(missing.get("field").asText()).isEqualTo("pseudonym");
        assertThat(TestDatabase.events(m.id())).isEqualTo(stored);

        // A text that can never be stored is refused by the rules, never answered "send it again".
        JsonNode nul = moderator.command("AddNote", "text", "met\u0000nul");
        assertThat(nul.get("type").asText()).isEqualTo("rejected");
        assertThat(nul.get("code").asText()).isEqualTo("INVALID");
        assertThat(nul.get("field").asText()).isEqualTo("text");

        assertThat(moderator.command("AddTheme", "title", "Werkt nog", "centralQuestion", "Ja?", "minutes", 5)
                .get("type").asText()).isEqualTo("ack");

        moderator.sendRaw("{\"type\":\"AddNote\",\"commandId\":\"big\",\"text\":\"" + "x".repeat(20_000) + "\"}");
        moderator.awaitClosed();
        assertThat(moderator.closeCode).isEqualTo(1009);
        // Browsers send a message as one frame: over 16 KiB it is refused the same way, never a broken connection.
        String big = "{\"type\":\"AddNote\",\"commandId\":\"big-frame\",\"text\":\"" + "x".repeat(20_000) + "\"}";
        assertThat(RawFrame.closeCodeAfter(server, m.id(), m.moderatorKey(), big)).isEqualTo(1009);
        assertThat(TestDatabase.events(m.id())).isEqualTo(stored + 1);
    }

    private static void assertError(LiveClient client, String raw, String code, String about) {
        int from = client.messages.size();
        client.sendRaw(raw);
        JsonNode error = client.awaitMessage(from, msg -> msg.path("type").asText().equals("error"));
        assertThat(error.get("code").asText()).as(raw).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        if (about != null) {
            assertThat(error.get("about").asText()).isEqualTo(about);
        }
    }

    @Test
    void onlyAValidKeyForThisMeetingFromThisServerOpensTheRoom() {
        Api.Created m = Api.createMeeting("{\"title\":\"Deur\"}");
        Api.Created other = Api.createMeeting("{\"title\":\"Andere deur\"}");
        assertThat(LiveClient.refusal(server, m.id(), b -> b)).isEqualTo(401);
        assertThat(LiveClient.refusal(server, m.id(), b -> b.header("Authorization", "Bearer verzonnen"))).isEqualTo(401);
        assertThat(LiveClient.refusal(server, m.id(), b -> b.header("Authorization", "Bearer " + other.moderatorKey())))
                .isEqualTo(403);
        assertThat(LiveClient.refusal(server, "geen-id", b -> b.header("Authorization", "Bearer " + m.moderatorKey())))
                .isEqualTo(404);
        assertThat(LiveClient.refusal(server, m.id(), b -> b.subprotocols("spiegel.v1", "spiegel.key." + m.moderatorKey())
                .header("Origin", "https://kwaadwillend.example"))).isEqualTo(403);
        LiveClient browser = LiveClient.connectAsBrowser(server, m.id(), m.moderatorKey(),
                server.toString().replaceAll("/$", "")).hello(null);
        assertThat(browser.view().get("details").get("title").asText()).isEqualTo("Deur");
        browser.close();
    }

    @Test
    void aRotatedKeyClosesItsConnectionsAndOpensNoNewOnes() {
        Api.Created m = Api.createMeeting("{\"title\":\"Nieuwe sleutel\"}");
        LiveClient display = LiveClient.connect(server, m.id(), m.displayKey()).hello(null);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        String newKey = Api.as(m.moderatorKey()).post("/api/meetings/" + m.id() + "/access/display/rotate")
                .then().statusCode(200).extract().path("key");
        display.awaitClosed();
        assertThat(display.closeCode).isEqualTo(4401);
        assertThat(LiveClient.refusal(server, m.id(), b -> b.header("Authorization", "Bearer " + m.displayKey()))).isEqualTo(401);
        LiveClient.connect(server, m.id(), newKey).hello(null).close();
        assertThat(moderator.closeCode).isNull();
        Api.as(m.assistantKey()).post("/api/meetings/" + m.id() + "/access/moderator/rotate").then().statusCode(403);
        moderator.close();
    }

    @Test
    void aFloodOfQuestionsIsStoppedAndOthersAreStillServed() throws Exception {
        Api.Created m = Api.createMeeting("Vloed", 1, 2);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        moderator.command("ChangePhase", "to", "LOBBY");
        LiveClient flooder = LiveClient.connect(server, m.id(), Api.join(m.joinCode(), "Veel").getString("key")).hello(null);
        long before = TestDatabase.events(m.id());
        // Past 16 waiting behind the one handled, messages are refused as busy and not kept: a flood
        // is closed once 25 are refused for its rate in a row, or 256 arrive while one is handled.
        for (int i = 0; i < 300 && flooder.closeCode == null; i++) {
            flooder.sendRaw("{\"type\":\"SubmitQuestion\",\"commandId\":\"f" + i + "\",\"text\":\"Vraag " + i + "\"}");
        }
        flooder.awaitClosed();
        assertThat(flooder.closeCode).isEqualTo(1008);
        assertThat(flooder.messages.stream().filter(msg -> "RATE_LIMITED".equals(msg.path("code").asText()))).isNotEmpty();
        // The burst a listener may send, no more; beyond the ten waiting questions the core refuses too.
        assertThat(TestDatabase.events(m.id()) - before).isLessThanOrEqualTo(8);
        assertThat(moderator.command("AddNote", "text", "Nog steeds bereikbaar").get("type").asText()).isEqualTo("ack");
        moderator.close();
    }

    @Test
    void aChangeMadeOverRestReachesTheRoomThroughTheDatabase() {
        Api.Created m = Api.createMeeting("{\"title\":\"Via de database\"}");
        LiveClient display = LiveClient.connect(server, m.id(), m.displayKey()).hello(null);
        long before = display.seq();
        m.asModerator().body("{\"title\":\"Nieuwe titel\"}").put("/api/meetings/" + m.id()).then().statusCode(200);
        display.awaitSeq(before + 1);
        assertThat(display.view().get("title").asText()).isEqualTo("Nieuwe titel");
        display.close();
    }

    @Test
    void aListenerIsRefusedWhenJoiningIsClosedOrTheRoomIsFull() {
        Api.Created m = Api.createMeeting("{\"title\":\"Vol\"}");
        m.asModerator().body("{\"open\":true,\"listenerLimit\":1}").put("/api/meetings/" + m.id() + "/joining")
                .then().statusCode(200);
        Api.join(m.joinCode(), "Eerste");
        RestAssured.given().contentType("application/json").body("{\"code\":\"" + m.joinCode() + "\"}")
                .post("/api/join").then().statusCode(409).body("code", Matchers.is("LISTENERS_FULL"));
        RestAssured.given().contentType("application/json").body("{\"code\":\"ZZZZZZ\"}")
                .post("/api/join").then().statusCode(404).body("code", Matchers.is("UNKNOWN_CODE"));
    }
}
