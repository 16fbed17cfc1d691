package nl.spiegel.prep;

import static io.restassured.RestAssured.given;
import static nl.spiegel.support.Management.management;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import nl.spiegel.support.Api;
import nl.spiegel.support.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class MeetingResourceTest {

    /** The moderator's key of the meeting the test works on. */
    private String key;

    private String create(String title) {
        Api.Created m = Api.createMeeting("{\"title\":\"" + title + "\",\"targetGroup\":\"ouders\",\"plannedMinutes\":80}");
        key = m.moderatorKey();
        return m.id();
    }

    private RequestSpecification moderator() {
        return given().header("Authorization", "Bearer " + key);
    }

    @Test
    void createsAMeetingWithItsKeysAndLinks() {
        var response = given().contentType(ContentType.JSON)
                .body("{\"title\":\"Spiegelgesprek cliënten\",\"goal\":\"Servicenormen\",\"targetGroup\":\"ouders\","
                        + "\"scheduledStart\":\"2027-03-04T18:00:00Z\",\"plannedMinutes\":80}")
                .post("/api/meetings");
        String id = response.then().statusCode(201)
                .header("Location", endsWith("/api/meetings/" + response.path("id")))
                .body("seq", is(1))
                .body("meeting.phase", is("PREPARATION"))
                .body("meeting.details.title", is("Spiegelgesprek cliënten"))
                .body("meeting.details.plannedMinutes", is(80))
                .body("meeting.details.houseRules", containsString("Toehoorders"))
                .body("access.joinCode", matchesPattern("[2-9A-HJ-NP-Z]{6}"))
                .body("access.links.join", startsWith("/join/"))
                .body("access.links.moderator", startsWith("/moderate/" + response.path("id") + "#key="))
                .body("access.links.display", startsWith("/display/"))
                .extract().path("id");
        String moderatorKey = response.path("access.moderatorKey");
        assertThat(moderatorKey).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(response.path("access.assistantKey"));
        given().header("Authorization", "Bearer " + moderatorKey).get("/api/meetings/" + id).then().statusCode(200)
                .body("id", is(id))
                .body("meeting.details.goal", is("Servicenormen"))
                .body("meeting.details.scheduledStart", is("2027-03-04T18:00:00Z"));
        given().header("Authorization", "Bearer " + response.path("access.assistantKey")).get("/api/meetings/" + id)
                .then().statusCode(200);
    }

    @Test
    void everyCallNeedsTheRightKey() {
        String id = create("Sleutels");
        String other = Api.createMeeting("{\"title\":\"Ander gesprek\"}").moderatorKey();
        given().get("/api/meetings/" + id).then().statusCode(401).contentType("application/problem+json")
                .body("code", is("UNAUTHORIZED"));
        given().header("Authorization", "Bearer niet-geldig").get("/api/meetings/" + id).then().statusCode(401);
        given().header("Authorization", "Bearer " + other).get("/api/meetings/" + id).then().statusCode(403)
                .body("code", is("FORBIDDEN"));
        given().header("Authorization", "Bearer " + other).contentType(ContentType.JSON)
                .body("{\"title\":\"T\",\"centralQuestion\":\"V?\",\"minutes\":10}")
                .post("/api/meetings/" + id + "/themes").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"title\":\"T\",\"centralQuestion\":\"V?\",\"minutes\":10}")
                .post("/api/meetings/" + id + "/themes").then().statusCode(401);
    }

    @Test
    void preparesTheGuideAndTheCircle() {
        String id = create("Voorbereiding");
        String t1 = moderator().contentType(ContentType.JSON)
                .body("{\"title\":\"Toegang\",\"centralQuestion\":\"Hoe kwam u bij ons?\",\"minutes\":20}")
                .post("/api/meetings/" + id + "/themes")
                .then().statusCode(201).header("Location", containsString("/themes/"))
                .extract().path("createdId");
        String t2 = moderator().contentType(ContentType.JSON)
                .body("{\"title\":\"Contact\",\"centralQuestion\":\"Hoe is het contact?\",\"minutes\":25}")
                .post("/api/meetings/" + id + "/themes").then().statusCode(201).extract().path("createdId");
        moderator().contentType(ContentType.JSON).body("{\"position\":0}")
                .put("/api/meetings/" + id + "/themes/" + t2 + "/position")
                .then().statusCode(200).body("meeting.guide.id", contains(t2, t1));
        moderator().contentType(ContentType.JSON)
                .body("{\"title\":\"Toegang en wachttijd\",\"centralQuestion\":\"Hoe kwam u bij ons?\",\"minutes\":15}")
                .put("/api/meetings/" + id + "/themes/" + t1)
                .then().statusCode(200).body("meeting.guide[1].title", is("Toegang en wachttijd"));
        moderator().delete("/api/meetings/" + id + "/themes/" + t2).then().statusCode(200).body("meeting.guide", hasSize(1));

        String p = moderator().contentType(ContentType.JSON).body("{\"pseudonym\":\"Anouk\",\"seat\":1,\"status\":\"INFORMED\"}")
                .post("/api/meetings/" + id + "/participants")
                .then().statusCode(201).body("recruitment.places[0].pseudonym", is("Anouk"))
                .body("recruitment.places[0].status", is("INFORMED"))
                .extract().path("createdId");
        moderator().contentType(ContentType.JSON).body("{\"pseudonym\":\"Anouk V.\",\"seat\":4}")
                .put("/api/meetings/" + id + "/participants/" + p)
                .then().statusCode(200).body("recruitment.places[0].seat", is(4));
        moderator().contentType(ContentType.JSON).body("{\"pseudonym\":\"Bram\",\"seat\":4}")
                .post("/api/meetings/" + id + "/participants")
                .then().statusCode(409).body("code", is("SEAT_TAKEN")).body("field", is("seat"));
        moderator().contentType(ContentType.JSON).body("{\"text\":\"Onze eigen regels\"}")
                .put("/api/meetings/" + id + "/house-rules")
                .then().statusCode(200).body("meeting.details.houseRules", is("Onze eigen regels"));
        moderator().contentType(ContentType.JSON).body("{\"title\":\"Nieuwe titel\",\"plannedMinutes\":90}")
                .put("/api/meetings/" + id)
                .then().statusCode(200).body("meeting.details.title", is("Nieuwe titel"));
        moderator().contentType(ContentType.JSON).body("{\"open\":true}")
                .put("/api/meetings/" + id + "/topics-open")
                .then().statusCode(200).body("meeting.topicsOpen", is(true));
        moderator().delete("/api/meetings/" + id + "/participants/" + p).then().statusCode(200)
                .body("recruitment.places", empty());
    }

    @Test
    void everyLocationLeadsToWhatWasMade() {
        var created = given().contentType(ContentType.JSON).body("{\"title\":\"Waar staat het?\"}").post("/api/meetings");
        String id = created.path("id");
        key = created.path("access.moderatorKey");
        assertThat(URI.create(created.header("Location")).getPath()).isEqualTo("/api/meetings/" + id);
        moderator().get(created.header("Location")).then().statusCode(200).body("id", is(id));
        var theme = moderator().contentType(ContentType.JSON)
                .body("{\"title\":\"Toegang\",\"centralQuestion\":\"Hoe kwam u bij ons?\",\"minutes\":20}")
                .post("/api/meetings/" + id + "/themes");
        moderator().get(theme.header("Location")).then().statusCode(200)
                .body("id", is(theme.path("createdId").toString())).body("title", is("Toegang"));
        var participant = moderator().contentType(ContentType.JSON).body("{\"pseudonym\":\"Anouk\",\"seat\":1}")
                .post("/api/meetings/" + id + "/participants");
        moderator().get(participant.header("Location")).then().statusCode(200).body("pseudonym", is("Anouk"));
        moderator().get("/api/meetings/" + id + "/themes/T999").then().statusCode(404).body("code", is("UNKNOWN_THEME"));
        var series = given().contentType(ContentType.JSON).body("{\"name\":\"Reeks\"}").post("/api/series");
        given().header("Authorization", "Bearer " + series.path("organiserKey")).get(series.header("Location"))
                .then().statusCode(200).body("name", is("Reeks"));
    }

    @Test
    void textWithControlCharactersIsRefusedNamingTheFieldNeverAServerError() throws Exception {
        String id = create("Nul");
        long before = TestDatabase.events(id);
        moderator().contentType(ContentType.JSON)
                .body("{\"title\":\"Toe\\u0000gang\",\"centralQuestion\":\"Vraag?\",\"minutes\":10}")
                .post("/api/meetings/" + id + "/themes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", is("INVALID")).body("field", is("title")).body("detail", containsString("stuurtekens"));
        given().contentType(ContentType.JSON).body("{\"name\":\"Reeks\\u0000\"}").post("/api/series")
                .then().statusCode(400).body("field", is("name"));
        given().contentType(ContentType.JSON).body("{\"name\":\"Reeks\",\"description\":\"" + "x".repeat(2001) + "\"}")
                .post("/api/series").then().statusCode(400).body("field", is("description"));
        given().contentType(ContentType.JSON).body("{\"code\":\"AB\\u0000CD\"}").post("/api/join")
                .then().statusCode(404).body("code", is("UNKNOWN_CODE"));
        assertThat(TestDatabase.events(id)).isEqualTo(before);
    }

    @Test
    void invalidInputIsAProblemNamingTheFieldAndStoresNothing() throws Exception {
        String id = create("Foute invoer");
        long before = TestDatabase.events(id);
        moderator().contentType(ContentType.JSON).body("{\"title\":\"\",\"centralQuestion\":\"Vraag?\",\"minutes\":10}")
                .post("/api/meetings/" + id + "/themes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", is(400)).body("code", is("INVALID")).body("field", is("title"))
                .body("detail", containsString("tekens"));
        moderator().contentType(ContentType.JSON).header("Accept-Language", "en-GB,en;q=0.9")
                .body("{\"pseudonym\":\"Anouk\",\"seat\":15}")
                .post("/api/meetings/" + id + "/participants")
                .then().statusCode(400).body("field", is("seat")).body("detail", containsString("whole number"));
        moderator().contentType(ContentType.JSON).body("{\"pseudonym\":\"Anouk\",\"seat\":\"links\"}")
                .post("/api/meetings/" + id + "/participants")
                .then().statusCode(400).contentType("application/problem+json").body("field", is("seat"));
        moderator().contentType(ContentType.JSON).body("{\"title\": ")
                .post("/api/meetings/" + id + "/themes")
                .then().statusCode(400).contentType("application/problem+json").body("code", is("INVALID"));
        moderator().contentType(ContentType.JSON)
                .post("/api/meetings/" + id + "/themes")
                .then().statusCode(400).body("field", is("body"));
        moderator().contentType(ContentType.TEXT).body("hallo")
                .post("/api/meetings/" + id + "/themes")
                .then().statusCode(415).contentType("application/problem+json");
        moderator().contentType(ContentType.JSON).body("{\"title\":\"T\",\"centralQuestion\":\"V?\",\"minutes\":10}")
                .put("/api/meetings/" + id + "/themes/T999")
                .then().statusCode(404).body("code", is("UNKNOWN_THEME"));
        moderator().contentType(ContentType.JSON).body("{\"title\":\"x\",\"language\":\"fr\"}")
                .post("/api/meetings").then().statusCode(400).body("field", is("language"));
        assertThat(TestDatabase.events(id)).isEqualTo(before);
    }

    @Test
    void anUnknownAddressIsNotFound() {
        create("Bestaand");
        String unknown = UUID.randomUUID().toString();
        moderator().get("/api/meetings/" + unknown).then().statusCode(403)
                .contentType("application/problem+json").body("code", is("FORBIDDEN"));
        moderator().get("/api/meetings/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRetriedRequestIsAppliedOnce() throws Exception {
        String id = create("Herhaald verzoek");
        String body = "{\"pseudonym\":\"Chantal\",\"seat\":3}";
        String first = moderator().contentType(ContentType.JSON).header("Idempotency-Key", "tablet-42").body(body)
                .post("/api/meetings/" + id + "/participants").then().statusCode(201).extract().asString();
        long events = TestDatabase.events(id);
        String second = moderator().contentType(ContentType.JSON).header("Idempotency-Key", "tablet-42").body(body)
                .post("/api/meetings/" + id + "/participants").then().statusCode(201).extract().asString();
        assertThat(TestDatabase.events(id)).isEqualTo(events);
        assertThat(second.replaceAll("\"asOf\":\"[^\"]+\"", "")).isEqualTo(first.replaceAll("\"asOf\":\"[^\"]+\"", ""));
    }

    @Test
    void aRepeatedCreateMakesOneMeetingAndRevealsNothing() {
        String body = "{\"title\":\"Eén keer\"}";
        String idempotencyKey = "1";
        var first = given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey).body(body)
                .post("/api/meetings").then().statusCode(201).extract().jsonPath();
        // Someone who knows only the header value gets no id, no keys and no view.
        String repeat = given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey).body(body)
                .post("/api/meetings").then().statusCode(409).contentType("application/problem+json")
                .body("code", is("ALREADY_CREATED")).extract().asString();
        assertThat(repeat).doesNotContain(first.getString("id")).doesNotContain(first.getString("access.moderatorKey"))
                .doesNotContain(first.getString("access.joinCode"));
        // The first creator's keys keep working; the meeting id was not made from the key.
        given().header("Authorization", "Bearer " + first.getString("access.moderatorKey"))
                .get("/api/meetings/" + first.getString("id")).then().statusCode(200);
        assertThat(first.getString("id")).isNotEqualTo(
                UUID.nameUUIDFromBytes(("create-meeting:" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString());
        // A create that was refused claimed nothing: the same key works once the body is right.
        String other = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", other).body("{\"title\":\"\"}")
                .post("/api/meetings").then().statusCode(400);
        given().contentType(ContentType.JSON).header("Idempotency-Key", other).body(body)
                .post("/api/meetings").then().statusCode(201);
    }

    @Test
    void aRepeatedSeriesCreateIsAnsweredLikeTheFirstRefusalNotWithAnError() {
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body("{\"name\":\"Reeks\"}")
                .post("/api/series").then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body("{\"name\":\"Reeks\"}")
                .post("/api/series").then().statusCode(409).body("code", is("ALREADY_CREATED"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("key")));
    }

    @Test
    void readiness() {
        management().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }
}
