package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.TestDatabase;

/**
 * Random commands from several keys (moderator, assistant, two listeners), with random resends of
 * ids sent before, some sent with the moment they were made: every command id gets one answer,
 * repeated identically, and nothing is applied twice.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class OneAnswerPerCommandTest {

    @TestHTTPResource("/")
    URI server;

    record Sent(LiveClient client, String id, String type, Object[] fields) {}

    @ParameterizedTest
    @ValueSource(longs = {7, 42, 2027})
    void everyCommandIdGetsOneAnswerForever(long seed) throws Exception {
        Random random = new Random(seed);
        Api.Created m = Api.createMeeting("Willekeurig " + seed, 2, 4);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        LiveClient assistant = LiveClient.connect(server, m.id(), m.assistantKey()).hello(null);
        LiveClient anna = LiveClient.connect(server, m.id(), Api.join(m.joinCode(), "Anna").getString("key")).hello(null);
        LiveClient ben = LiveClient.connect(server, m.id(), Api.join(m.joinCode(), "Ben").getString("key")).hello(null);
        List<String> seats = new ArrayList<>();
        moderator.view().get("participants").forEach(p -> seats.add(p.get("id").asText()));
        List<String> themes = new ArrayList<>();
        moderator.view().get("guide").forEach(t -> themes.add(t.get("id").asText()));
        List<LiveClient> moderators = List.of(moderator, assistant);
        List<LiveClient> listeners = List.of(anna, ben);

        Map<String, JsonNode> answers = new HashMap<>();
        List<Sent> sent = new ArrayList<>();
        int applied = 0;
        for (int i = 0; i < 45; i++) {
            if (!sent.isEmpty() && random.nextInt(4) == 0) {
                Sent again = sent.get(random.nextInt(sent.size()));
                JsonNode answer = send(again.client(), again.id(), again.type(), again.fields());
                assertThat(answer).as("resent %s", again.id()).isEqualTo(answers.get(key(again)));
                continue;
            }
            // Ids repeat across keys on purpose: each key has its own.
            String id = "c" + random.nextInt(12);
            boolean byListener = random.nextInt(5) == 0;
            LiveClient client = (byListener ? listeners : moderators).get(random.nextInt(2));
            Object[] fields;
            String type;
            if (byListener) {
                type = "SubmitQuestion";
                fields = new Object[] {"text", "Vraag " + i};
            } else {
                switch (random.nextInt(5)) {
                    case 0 -> {
                        type = "ChangePhase";
                        fields = new Object[] {"to", List.of("LOBBY", "OPENING", "CONVERSATION", "CLARIFYING").get(random.nextInt(4))};
                    }
                    case 1 -> {
                        type = "StartTheme";
                        fields = new Object[] {"themeId", themes.get(random.nextInt(themes.size()))};
                    }
                    case 2 -> {
                        type = "AddNote";
                        fields = new Object[] {"text", "Notitie " + i};
                    }
                    default -> {
                        type = "GiveFloor";
                        fields = random.nextBoolean()
                                ? new Object[] {"participantId", seats.get(random.nextInt(seats.size()))}
                                : new Object[] {"participantId", seats.get(random.nextInt(seats.size())),
                                        "actedAt", Instant.now().minusMillis(random.nextInt(500)).toString()};
                    }
                }
            }
            Sent now = new Sent(client, id, type, fields);
            String k = key(now);
            long before = TestDatabase.events(m.id());
            JsonNode answer = send(client, id, type, fields);
            if (answers.containsKey(k)) {
                // The same id from the same key, even for another command: its first answer, nothing applied.
                assertThat(answer).isEqualTo(answers.get(k));
                assertThat(TestDatabase.events(m.id())).isEqualTo(before);
                continue;
            }
            assertThat(answer.path("type").asText()).as("%s %s", type, answer).isIn("ack", "rejected");
            answers.put(k, answer);
            sent.add(now);
            if (TestDatabase.events(m.id()) > before) {
                applied++;
            }
        }
        // Every stored event belongs to one first answer: resends added none.
        assertThat(answers.values().stream().filter(a -> a.path("type").asText().equals("ack")).count())
                .isGreaterThanOrEqualTo(applied);
        List.of(moderator, assistant, anna, ben).forEach(LiveClient::close);
    }

    /**
     * Sends a command as a client does: an error that decided nothing (rate limited) is sent again,
     * with the same id, once the listener's allowance has grown back (one command per 2 s).
     */
    private static JsonNode send(LiveClient client, String id, String type, Object[] fields) {
        return Awaitility.await("an answer other than RATE_LIMITED").atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2_100))
                .until(() -> client.commandWithId(id, type, fields), answer -> !answer.path("code").asText().equals("RATE_LIMITED"));
    }

    private static String key(Sent sent) {
        return System.identityHashCode(sent.client()) + "/" + sent.id();
    }
}
