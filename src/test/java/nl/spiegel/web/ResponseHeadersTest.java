package nl.spiegel.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.spiegel.support.TestDatabase;

/** Every answer carries the security headers; answers that may hold keys are never stored. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ResponseHeadersTest {

    @Test
    void answersWithKeysAreNeverStoredAndPagesAllowOnlyThisServer() {
        given().contentType(ContentType.JSON).body("{\"title\":\"Koppen\"}").post("/api/meetings").then().statusCode(201)
                .header("Cache-Control", is("no-store"))
                .header("X-Content-Type-Options", is("nosniff"))
                .header("Referrer-Policy", is("no-referrer"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        given().get("/api/join/ZZZZZZ").then().header("Cache-Control", is("no-store"));
        // The app's page is checked again on every visit, so an upgrade reaches browsers at once.
        given().get("/moderate/iets").then().header("Cache-Control", is("no-cache"))
                .header("Content-Security-Policy", containsString("default-src 'self'"));
    }
}
