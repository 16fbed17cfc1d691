package nl.spiegel.web;

import static nl.spiegel.support.Management.management;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
