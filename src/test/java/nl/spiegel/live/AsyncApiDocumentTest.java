package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * docs/asyncapi.yaml is valid by the AsyncAPI parser, and documents exactly the commands the server
 * takes, each with its fields.
 */
class AsyncApiDocumentTest {

    private static final Path TOOL = Path.of("docs/asyncapi");

    @Test
    void theDocumentIsValidAndMatchesTheServer() throws Exception {
        if (!Files.isDirectory(TOOL.resolve("node_modules/@asyncapi/parser"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
        }
        String output = run(List.of("node", "validate.mjs", "../asyncapi.yaml"));
        String[] lines = output.strip().split("\n");
        JsonNode result = new ObjectMapper().readTree(lines[lines.length - 1]);

        Map<String, List<String>> documented = new TreeMap<>();
        result.get("commands").fields().forEachRemaining(e -> {
            List<String> fields = new java.util.ArrayList<>();
            e.getValue().forEach(f -> fields.add(f.asText()));
            documented.put(e.getKey(), fields);
        });
        Map<String, List<String>> implemented = new TreeMap<>();
        Protocol.COMMANDS.forEach((name, type) -> implemented.put(name,
                Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList()));
        assertThat(documented).isEqualTo(implemented);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(TOOL.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("%s:%n%s", command, output).isZero();
        return output;
    }
}
