package nl.spiegel.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Calls to the REST API as the people who use it, with their keys. */
public final class Api {

    private Api() {}

    /** A meeting as its creator got it: its id and the keys to it. */
    public record Created(String id, String moderatorKey, String assistantKey, String displayKey, String joinCode) {

        public RequestSpecification asModerator() {
            return as(moderatorKey);
        }
    }

    public static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    public static Created createMeeting(String json) {
        JsonPath body = given().contentType(ContentType.JSON).body(json).post("/api/meetings")
                .then().statusCode(201).extract().jsonPath();
        return new Created(body.getString("id"), body.getString("access.moderatorKey"),
                body.getString("access.assistantKey"), body.getString("access.displayKey"),
                body.getString("access.joinCode"));
    }

    public static Created createMeeting(String title, int themes, int participants) {
        Created m = createMeeting("{\"title\":\"" + title + "\"}");
        for (int i = 1; i <= themes; i++) {
            m.asModerator().body("{\"title\":\"Thema " + i + "\",\"centralQuestion\":\"Wat vindt u van " + i + "?\",\"minutes\":15}")
                    .post("/api/meetings/" + m.id() + "/themes").then().statusCode(201);
        }
        for (int i = 1; i <= participants; i++) {
            m.asModerator().body("{\"pseudonym\":\"Deelnemer " + i + "\",\"seat\":" + i + ",\"status\":\"INFORMED\"}")
                    .post("/api/meetings/" + m.id() + "/participants").then().statusCode(201);
        }
        return m;
    }

    /** A listener joins with the code; returns the listener's own key. */
    public static JsonPath join(String code, String displayName) {
        return given().contentType(ContentType.JSON)
                .body(displayName == null ? "{\"code\":\"" + code + "\"}"
                        : "{\"code\":\"" + code + "\",\"displayName\":\"" + displayName + "\"}")
                .post("/api/join").then().statusCode(200).extract().jsonPath();
    }
}
