package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.TestDatabase;
import nl.spiegel.support.Tool;

/**
 * The frames a whole meeting sends, as each role received them (moderator, assistant, a listener
 * also after a resume, the display), storing paused and resumed included, match docs/asyncapi.yaml:
 * each message its payload's schema and each view or change the schema of the connection's role.
 * Checked by the AsyncAPI parser and Ajv (docs/asyncapi/validate-frames.mjs), not by the server's
 * own types.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class AsyncApiFramesTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void theFramesOfAWholeMeetingMatchTheDocumentForEachRole() throws Exception {
        Api.Created m = Api.createMeeting("Frames", 2, 3);
        String listenerKey = Api.join(m.joinCode(), "Sanne Luisteraar").getString("key");
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        LiveClient assistant = LiveClient.connect(server, m.id(), m.assistantKey()).hello(null);
        LiveClient listener = LiveClient.connect(server, m.id(), listenerKey).hello(null);
        LiveClient display = LiveClient.connect(server, m.id(), m.displayKey()).hello(null);
        List<String> seats = moderator.view().get("participants").findValuesAsText("id");
        for (String phase : List.of("LOBBY", "OPENING", "CONVERSATION")) {
            moderator.command("ChangePhase", "to", phase);
        }
        long resumeFrom = listener.seq();
        moderator.command("GiveFloor", "participantId", seats.get(0));
        moderator.command("AddNote", "tag", "STRENGTH", "text", "Vriendelijke ontvangst", "shared", true);
        assistant.command("AddNote", "tag", "IMPROVEMENT_POINT", "text", "Wachttijd", "shared", false);
        moderator.command("GiveFloor", "participantId", seats.get(1));
        moderator.command("NextTheme");
        listener.command("SubmitQuestion", "text", "Wat bedoelde u met de lijst?");
        moderator.command("ChangePhase", "to", "CLARIFYING");
        String question = moderator.view().get("questions").get(0).get("id").asText();
        moderator.command("AcceptQuestion", "questionId", question);
        moderator.command("AskQuestion", "questionId", question);
        moderator.command("RecordAnswer", "questionId", question, "answer", "De wachtlijst.");
        moderator.command("MarkAnswered", "questionId", question);
        moderator.command("GiveFloor", "participantId", "P999");
        moderator.commandWithId("c-unknown", "NoSuchCommand");
        moderator.command("ChangePhase", "to", "CLOSING");
        moderator.command("ChangePhase", "to", "ENDED");
        LiveClient resumed = LiveClient.connect(server, m.id(), listenerKey).hello(resumeFrom);
        Map<String, LiveClient> roles = new LinkedHashMap<>(Map.of("MODERATOR", moderator, "ASSISTANT", assistant,
                "DISPLAY", display));
        for (LiveClient client : List.of(assistant, listener, display, resumed)) {
            client.awaitSeq(moderator.seq());
        }
        // Storing paused and resumed: every role is told both.
        List<LiveClient> all = List.of(moderator, assistant, listener, display, resumed);
        try (AutoCloseable outage = TestDatabase.outage()) {
            all.forEach(client -> client.awaitMessage(0, LiveClient.storage(true)));
        }
        all.forEach(client -> client.awaitMessage(0, LiveClient.storage(false)));

        ObjectMapper json = new ObjectMapper();
        ArrayNode frames = json.createArrayNode();
        roles.forEach((role, client) -> client.frames.forEach(frame -> frames.addObject().put("role", role).put("frame", frame)));
        for (LiveClient client : List.of(listener, resumed)) {
            client.frames.forEach(frame -> frames.addObject().put("role", "LISTENER").put("frame", frame));
        }
        Path file = Files.createDirectories(Path.of("target")).resolve("frames.json").toAbsolutePath();
        Files.writeString(file, json.writeValueAsString(frames));
        all.forEach(LiveClient::close);

        String output = new Tool(Path.of("docs/asyncapi")).installed("ajv-formats")
                .run(List.of("node", "validate-frames.mjs", "../asyncapi.yaml", file.toString()));
        String[] lines = output.strip().split("\n");
        JsonNode result = json.readTree(lines[lines.length - 1]);
        assertThat(result.get("problems").asInt()).as(output).isZero();
        for (String seen : List.of("MODERATOR snapshot", "MODERATOR change", "MODERATOR ack", "MODERATOR rejected",
                "MODERATOR error", "ASSISTANT change", "LISTENER snapshot", "LISTENER change", "LISTENER ready",
                "DISPLAY snapshot", "DISPLAY change", "MODERATOR storage", "ASSISTANT storage", "LISTENER storage",
                "DISPLAY storage")) {
            assertThat(result.get("checked").path(seen).asInt()).as("%s frames checked: %s", seen, output).isPositive();
        }
    }
}
