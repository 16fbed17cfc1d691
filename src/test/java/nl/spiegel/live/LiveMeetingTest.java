package nl.spiegel.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.TestDatabase;

/** A whole mirror meeting driven through the live protocol by real WebSocket clients. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class LiveMeetingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI server;

    record Listener(String id, String key, String question, LiveClient client) {}

    @Test
    void aWholeMeetingEndsWithEveryClientHoldingTheServersViewOfItsRole() throws Exception {
        Api.Created m = Api.createMeeting("Spiegelgesprek live", 3, 10);
        JsonPath prepared = m.asModerator().get("/api/meetings/" + m.id()).then().extract().jsonPath();
        List<String> seats = prepared.getList("meeting.participants.id");
        List<String> themes = prepared.getList("meeting.guide.id");

        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        LiveClient assistant = LiveClient.connect(server, m.id(), m.assistantKey()).hello(null);
        LiveClient display = LiveClient.connectAsBrowser(server, m.id(), m.displayKey(), server.toString().replaceAll("/$", ""))
                .hello(null);
        List<Listener> listeners = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            JsonPath joined = Api.join(m.joinCode().toLowerCase(), i % 2 == 0 ? "Luisteraar " + i : null);
            LiveClient client = LiveClient.connect(server, m.id(), joined.getString("key")).hello(null);
            listeners.add(new Listener(joined.getString("listenerId"), joined.getString("key"),
                    "Wat bedoelde u precies met punt " + i + "?", client));
        }
        assertThat(moderator.view().get("listeners").asInt()).isEqualTo(10);

        ok(moderator.command("ChangePhase", "to", "LOBBY"));
        ok(moderator.command("ChangePhase", "to", "OPENING"));
        ok(moderator.command("ModeratorSpeaks"));
        ok(moderator.command("ChangePhase", "to", "CONVERSATION"));
        for (int t = 0; t < 3; t++) {
            for (int s = 0; s < 4; s++) {
                ok(moderator.command("GiveFloor", "participantId", seats.get((t * 3 + s) % 10)));
            }
            ok(moderator.command("QueueSpeaker", "participantId", seats.get(9)));
            ok(moderator.command("NextSpeaker"));
            ok(assistant.command("AddNote", "tag", "IMPROVEMENT_POINT", "text", "Verbeterpunt bij thema " + (t + 1), "shared", true));
            ok(assistant.command("AddNote", "tag", "QUOTE", "text", "Privé citaat " + (t + 1), "shared", false));
            if (t < 2) {
                ok(moderator.command("NextTheme"));
            }
        }
        for (Listener l : listeners) {
            ok(l.client().command("SubmitQuestion", "text", l.question(), "themeId", themes.get(1)));
        }
        long beforeRelease = moderator.seq();
        for (LiveClient observer : listenersClients(listeners)) {
            observer.awaitView("their question", view -> view.path("myQuestions").size() == 1);
        }

        ok(moderator.command("PauseSpeaking"));
        ok(moderator.command("ChangePhase", "to", "CLARIFYING"));
        List<String> questionIds = new ArrayList<>();
        moderator.view().get("questions").forEach(q -> questionIds.add(q.get("id").asText()));
        for (int i = 0; i < 6; i++) {
            ok(moderator.command("AcceptQuestion", "questionId", questionIds.get(i)));
        }
        ok(moderator.command("MergeQuestion", "questionId", questionIds.get(6), "intoQuestionId", questionIds.get(0)));
        ok(assistant.command("RejectQuestion", "questionId", questionIds.get(7), "reason", "NEW_TOPIC"));
        ok(moderator.command("MoveQuestion", "questionId", questionIds.get(5), "position", 0));
        ok(moderator.command("AskQuestion", "questionId", questionIds.get(5)));
        ok(moderator.command("GiveFloor", "participantId", seats.get(2)));
        ok(moderator.command("AskQuestion", "questionId", questionIds.get(0)));
        ok(moderator.command("MarkAnswered", "questionId", questionIds.get(0)));
        ok(moderator.command("ChangePhase", "to", "CLOSING"));
        ok(moderator.command("ChangePhase", "to", "ENDED"));

        long last = moderator.seq();
        List<LiveClient> everyone = new ArrayList<>(List.of(moderator, assistant, display));
        everyone.addAll(listenersClients(listeners));
        for (LiveClient client : everyone) {
            client.awaitSeq(last);
            assertThat(client.problems).isEmpty();
            assertThat(client.snapshots).isEqualTo(1);
        }
        assertSameView(moderator, m.moderatorKey(), m.id());
        assertSameView(assistant, m.assistantKey(), m.id());
        assertSameView(display, m.displayKey(), m.id());
        for (Listener l : listeners) {
            assertSameView(l.client(), l.key(), m.id());
        }

        JsonNode view = listeners.get(0).client().view();
        assertThat(view.get("phase").asText()).isEqualTo("ENDED");
        assertThat(view.get("notes")).hasSize(3);
        assertThat(view.get("questionQueue")).hasSize(6);
        assertThat(view.get("myQuestions").get(0).get("status").asText()).isEqualTo("ANSWERED");
        assertThat(listeners.get(6).client().view().get("myQuestions").get(0).get("status").asText()).isEqualTo("MERGED");
        assertThat(listeners.get(7).client().view().get("myQuestions").get(0).get("rejectReason").asText()).isEqualTo("NEW_TOPIC");
        assertThat(moderator.view().get("participants").get(0).has("speakingMs")).isTrue();
        assertThat(moderator.view().get("balance").get("balanceIndex").asDouble()).isBetween(0.0, 1.0);

        // What listeners never receive, on the raw frames.
        Map<String, Integer> releasedAt = new HashMap<>();
        for (Listener owner : listeners) {
            for (Listener other : listeners) {
                if (other == owner) {
                    continue;
                }
                for (String frame : framesUpTo(other.client(), beforeRelease)) {
                    assertThat(frame).as("listener %s saw %s's unreleased question", other.id(), owner.id())
                            .doesNotContain(owner.question());
                }
                if (owner == listeners.get(6) || owner == listeners.get(7) || owner == listeners.get(8)
                        || owner == listeners.get(9)) {
                    assertThat(String.join("\n", other.client().frames)).doesNotContain(owner.question());
                }
            }
            for (String frame : owner.client().frames) {
                assertThat(frame).doesNotContain("speakingMs", "balanceIndex", "\"share\"", "\"turns\"", "listenerName",
                        "Privé citaat", "moderatorShare", "sinceLastTurnMs");
            }
            releasedAt.put(owner.id(), 1);
        }
        for (String frame : display.frames) {
            assertThat(frame).doesNotContain("speakingMs", "balanceIndex", "Privé citaat", "listenerName");
        }
        everyone.forEach(LiveClient::close);
    }

    private static List<LiveClient> listenersClients(List<Listener> listeners) {
        return listeners.stream().map(Listener::client).toList();
    }

    /** The frames a client received up to and including the change with that seq. */
    private static List<String> framesUpTo(LiveClient client, long seq) {
        List<String> frames = new ArrayList<>();
        for (String frame : client.frames) {
            // A listener is sent only the events that change their view: stop at the first one after seq.
            if (frame.startsWith("{\"type\":\"change\",\"seq\":")
                    && Long.parseLong(frame.substring(23, frame.indexOf(',', 23))) > seq) {
                break;
            }
            frames.add(frame);
        }
        return frames;
    }

    private static void ok(JsonNode answer) {
        assertThat(answer.path("type").asText()).as("%s", answer).isEqualTo("ack");
    }

    private static void assertSameView(LiveClient client, String key, String meetingId) throws Exception {
        String body = given().header("Authorization", "Bearer " + key).get("/api/meetings/" + meetingId + "/view")
                .then().statusCode(200).extract().asString();
        JsonNode server = JSON.readTree(body);
        assertThat(server.get("seq").asLong()).isEqualTo(client.seq());
        assertThat(client.view()).isEqualTo(server.get("view"));
    }
}
