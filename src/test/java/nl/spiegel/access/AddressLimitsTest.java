package nl.spiegel.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import nl.spiegel.support.Api;
import nl.spiegel.support.LogLines;
import nl.spiegel.support.TestDatabase;

/**
 * Without a key, one client address may create, join and guess codes only so often: anyone could
 * fill the disk with meetings (60 a second), and try 3 300 join codes a second.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(AddressLimitsTest.Tight.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AddressLimitsTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spiegel.limits.creates-per-hour", "4", "spiegel.limits.joins-per-minute", "3",
                    "spiegel.limits.wrong-codes-per-minute", "5", "spiegel.limits.wrong-codes-per-minute-in-all", "1000");
        }
    }

    @Test
    @Order(2)
    void creatingIsLimitedPerAddress() {
        given().contentType(ContentType.JSON).body("{\"name\":\"Reeks\"}").post("/api/series").then().statusCode(201);
        int created = 1;
        while (given().contentType(ContentType.JSON).body("{\"title\":\"Binnen de grens\"}").post("/api/meetings")
                .statusCode() == 201) {
            created++;
            assertThat(created).as("creates allowed in an hour").isLessThanOrEqualTo(4);
        }
        given().contentType(ContentType.JSON).body("{\"title\":\"Eén te veel\"}").post("/api/meetings").then()
                .statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("code", is("TOO_MANY_REQUESTS"));
        given().contentType(ContentType.JSON).body("{\"name\":\"Ook te veel\"}").post("/api/series").then().statusCode(429);
    }

    @Test
    @Order(0)
    void joiningIsLimitedPerAddress() {
        Api.Created m = Api.createMeeting("{\"title\":\"Drukte\"}");
        for (int i = 0; i < 3; i++) {
            Api.join(m.joinCode(), null);
        }
        given().contentType(ContentType.JSON).body("{\"code\":\"" + m.joinCode() + "\"}").post("/api/join").then()
                .statusCode(429).header("Retry-After", notNullValue());
    }

    /**
     * Guesses sent at once: each takes its allowance before its code is looked up, so no more codes
     * are looked up than allowed (one burst of 20 once looked up 14 where 10 were allowed).
     */
    @Test
    @Order(1)
    void parallelGuessesLookUpNoMoreCodesThanAllowedAndAreLoggedWithoutTheCode() throws Exception {
        List<String> warnings;
        Map<Integer, Long> statuses;
        try (LogLines log = LogLines.of(AddressLimits.class.getName())) {
            String code = Api.createMeeting("{\"title\":\"Raden\"}").joinCode();
            ExecutorService pool = Executors.newFixedThreadPool(20);
            try {
                List<Callable<Integer>> guesses = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String guess = "ZZZZ" + (char) ('A' + i);
                    guesses.add(() -> given().get("/api/join/" + guess).statusCode());
                }
                List<Integer> answers = new ArrayList<>();
                for (Future<Integer> answer : pool.invokeAll(guesses)) {
                    answers.add(answer.get());
                }
                statuses = answers.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            } finally {
                pool.shutdown();
            }
            // A 404 is a code looked up and found wrong; the rest were refused before any lookup.
            assertThat(statuses.keySet()).containsOnly(404, 429);
            assertThat(statuses.get(404)).as("codes looked up, of 5 allowed").isBetween(1L, 5L);
            // Used up: even the right code is not looked up now, so a refusal tells nothing.
            given().get("/api/join/" + code).then().statusCode(429).header("Retry-After", notNullValue())
                    .body("code", is("TOO_MANY_GUESSES"));
            given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}").post("/api/join").then().statusCode(429);
            warnings = log.lines;
        }
        assertThat(warnings).anyMatch(w -> w.contains("guessed")).noneMatch(w -> w.contains("ZZZZ"));
    }
}
