package nl.spiegel.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.spiegel.support.LogLines;
import nl.spiegel.support.TestDatabase;

/**
 * Requests refused before any resource sees them are answered as every refusal is: problem JSON with
 * a status, a code and words in Dutch or English, and a line in the request log.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class RefusalsTest {

    /** Just over the 256 KiB a request body may have. */
    private static final String TOO_LARGE = "{\"title\":\"" + "x".repeat(256 * 1024) + "\"}";

    @TestHTTPResource("/api/meetings")
    URL meetings;

    @Test
    void aBodyOverTheLimitIsAProblemAndIsLogged() {
        try (LogLines log = LogLines.of("nl.spiegel.requests")) {
            given().contentType(ContentType.JSON).body(TOO_LARGE).post("/api/meetings").then().statusCode(413)
                    .contentType(Problem.MEDIA_TYPE).header("Content-Security-Policy", startsWith("default-src"))
                    .body("status", is(413)).body("code", is("TOO_LARGE"))
                    .body("detail", is("Het verzoek is te groot: hooguit 256 KiB."));
            given().header("Accept-Language", "en").contentType(ContentType.JSON).body(TOO_LARGE).post("/api/meetings")
                    .then().statusCode(413).body("detail", is("The request is too large: at most 256 KiB."));
            assertThat(log.lines).anyMatch(line -> line.startsWith("POST /api/meetings 413"));
        }
    }

    /** Sent without its length, the body is counted as it arrives, and refused the same way. */
    @Test
    void aChunkedBodyOverTheLimitIsAProblemToo() throws Exception {
        try (LogLines log = LogLines.of("nl.spiegel.requests")) {
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(meetings.toString()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(TOO_LARGE.getBytes(StandardCharsets.UTF_8))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
            assertThat(answer.body()).contains("\"code\":\"TOO_LARGE\"");
            assertThat(log.lines).anyMatch(line -> line.startsWith("POST /api/meetings 413"));
        }
    }
}
