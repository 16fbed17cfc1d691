package nl.spiegel.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.spiegel.support.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class OpenApiTest {

    @Test
    void theRestApiIsDescribed() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", is("Spiegel API"))
                .body("paths", hasKey("/api/meetings"))
                .body("paths", hasKey("/api/meetings/{id}/themes"))
                .body("paths", hasKey("/api/join"))
                .body("paths", hasKey("/api/meetings/{id}/access/{role}/rotate"))
                .body("paths", hasKey("/api/meetings/{id}/view"))
                .body("paths.'/api/meetings/{id}/themes'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/meetings/{id}/themes'.post.parameters.name", not(hasItem("Authorization")));
    }
}
