package nl.spiegel.web;

import static nl.spiegel.support.Management.management;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.spiegel.support.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class OpenApiTest {

    /**
     * docs/openapi.json is what the server serves: the browser app's types are generated from it, so a
     * field renamed on the server breaks the frontend's build. When they differ, the server's document
     * is written to target/openapi.json to be copied over.
     */
    @Test
    void theCommittedDocumentIsTheServers() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode served = json.readTree(management().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        Path committed = Path.of("docs/openapi.json");
        if (!Files.exists(committed) || !served.equals(json.readTree(committed.toFile()))) {
            Files.writeString(Path.of("target/openapi.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
            fail("docs/openapi.json is not what the server serves: copy target/openapi.json to docs/openapi.json");
        }
    }

    /**
     * What a generated client needs: keys as HTTP bearer tokens, a unique operationId on every
     * operation, security said on every operation (empty where none is needed), every refusal as a
     * Problem, Retry-After on 429, and a server.
     */
    @Test
    void aGeneratorCanUseItUnchanged() throws IOException {
        JsonNode api = new ObjectMapper().readTree(management().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        assertThat(api.at("/components/securitySchemes/accessKey/type").asText()).isEqualTo("http");
        assertThat(api.at("/components/securitySchemes/accessKey/scheme").asText()).isEqualTo("bearer");
        assertThat(api.path("servers")).isNotEmpty();
        Set<String> ids = new HashSet<>();
        api.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String operation = entry.getKey() + " " + path.getKey();
            JsonNode op = entry.getValue();
            assertThat(ids.add(op.path("operationId").asText())).as("a unique operationId on %s", operation).isTrue();
            assertThat(op.path("operationId").asText()).as(operation).matches("[a-z][A-Za-z]+");
            assertThat(op.has("security")).as("security said on %s", operation).isTrue();
            op.path("responses").properties().stream().filter(r -> r.getKey().matches("[45]\\d\\d")).forEach(r ->
                    assertThat(r.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                            .as("%s answers %s as a Problem", operation, r.getKey()).isEqualTo("#/components/schemas/Problem"));
            if (op.path("security").isEmpty()) {
                assertThat(op.path("responses").has("401")).as(operation).isFalse();
            } else {
                assertThat(op.path("responses").has("401")).as(operation).isTrue();
            }
        }));
        assertThat(api.at("/paths/~1api~1join/post/responses/429/headers/Retry-After/schema/type").asText()).isEqualTo("integer");
        assertThat(api.at("/paths/~1api~1meetings~1{id}~1themes/post/responses").has("409")).isTrue();
        assertThat(api.at("/paths/~1api~1meetings/post/operationId").asText()).isEqualTo("createMeeting");
    }

    @Test
    void eachRolesViewIsDescribed() {
        management().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas", hasKey("ModeratorView"))
                .body("components.schemas", hasKey("ListenerView"))
                .body("components.schemas", hasKey("DisplayView"))
                .body("components.schemas.ModeratorView.properties", hasKey("phaseSteps"))
                .body("components.schemas.OwnQuestion.properties", hasKey("canWithdraw"));
    }

    @Test
    void theRestApiIsDescribed() {
        management().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", is("Spiegel API"))
                .body("paths", hasKey("/api/meetings"))
                .body("paths", hasKey("/api/meetings/{id}/themes"))
                .body("paths", hasKey("/api/join"))
                .body("paths", hasKey("/api/meetings/{id}/access/{role}/rotate"))
                .body("paths", hasKey("/api/meetings/{id}/view"))
                .body("paths.'/api/meetings/{id}/themes'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/meetings/{id}/themes'.post.parameters.name", not(hasItem("Authorization")))
                .body("paths.'/api/meetings'.post.responses", hasKey("201"))
                .body("paths.'/api/meetings/{id}/participants'.post.responses", hasKey("201"))
                .body("paths.'/api/series'.post.responses", hasKey("201"));
    }
}
