package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Views;
import nl.spiegel.support.Tool;

/**
 * docs/asyncapi.yaml is valid by the AsyncAPI parser, and documents exactly the commands the server
 * takes, each with its fields; the codes of rejected and error; the close codes; and each role's
 * view (by reference into docs/openapi.json) and change of it with the fields the server sends.
 */
class AsyncApiDocumentTest {

    private static final Tool TOOL = new Tool(Path.of("docs/asyncapi"));

    @Test
    void theDocumentIsValidAndMatchesTheServer() throws Exception {
        String output = TOOL.installed("@asyncapi/parser").run(List.of("node", "validate.mjs", "../asyncapi.yaml"));
        String[] lines = output.strip().split("\n");
        JsonNode result = new ObjectMapper().readTree(lines[lines.length - 1]);

        Map<String, List<String>> documented = new TreeMap<>();
        result.get("commands").fields().forEachRemaining(e -> {
            List<String> fields = new ArrayList<>();
            e.getValue().forEach(f -> fields.add(f.asText()));
            documented.put(e.getKey(), fields);
        });
        Map<String, List<String>> implemented = new TreeMap<>();
        Protocol.COMMANDS.forEach((name, type) -> implemented.put(name,
                Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList()));
        assertThat(documented).isEqualTo(implemented);

        assertThat(texts(result.get("rejectedCodes")))
                .containsExactlyElementsOf(Arrays.stream(Rejection.Reason.values()).map(Enum::name).toList());
        assertThat(texts(result.get("errorCodes")))
                .containsExactlyElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        assertThat(texts(result.get("closeCodes")))
                .containsExactlyElementsOf(Arrays.stream(CloseCode.values()).map(c -> String.valueOf(c.code)).toList());
        List<Class<?>> views = List.of(Views.ModeratorView.class, Views.ListenerView.class, Views.DisplayView.class);
        for (int i = 0; i < views.size(); i++) {
            List<String> sections = Arrays.stream(views.get(i).getRecordComponents()).map(RecordComponent::getName).toList();
            assertThat(texts(result.get("views").get(i))).as("%s", views.get(i).getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(sections);
            assertThat(texts(result.get("viewChanges").get(i))).as("the change of %s", views.get(i).getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(sections);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
