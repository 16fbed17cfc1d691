package nl.spiegel.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.MovableClock;
import nl.spiegel.support.TestDatabase;

/** Erasing what is due, with a clock the test moves; nothing else is touched. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class RetentionTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    Retention retention;

    MovableClock clock;

    @BeforeEach
    void clock() {
        clock = new MovableClock(Instant.now());
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    private Api.Created ended(String title, Integer days, boolean keep) {
        Api.Created m = Api.createMeeting(title, 1, 2);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        if (days != null || !keep) {
            moderator.command("SetRetention", "days", days, "keepAnonymised", keep);
        }
        for (String phase : List.of("LOBBY", "OPENING", "CONVERSATION")) {
            moderator.command("ChangePhase", "to", phase);
        }
        moderator.command("GiveFloor", "participantId", moderator.view().get("participants").get(0).get("id").asText());
        moderator.command("AddNote", "tag", "IMPROVEMENT_POINT", "text", "Verbeterpunt van " + title);
        moderator.command("AddNote", "tag", "IMPROVEMENT_POINT", "text", "Intern punt");
        for (String phase : List.of("CLARIFYING", "CLOSING", "ENDED")) {
            moderator.command("ChangePhase", "to", phase);
        }
        String internal = moderator.view().get("notes").get(1).get("id").asText();
        moderator.command("EditReport", "excludedNoteIds", List.of(internal));
        moderator.command("FinalizeReport");
        moderator.close();
        return m;
    }

    private static long count(String sql, String id) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean stored(String id) throws Exception {
        return count("select count(*) from meeting where id = ?", id) == 1;
    }

    @Test
    void dueMeetingsAreErasedAndNothingElse() throws Exception {
        Api.Created shortKept = ended("Kort bewaard", 30, false);
        Api.Created longKept = ended("Lang bewaard", null, true);
        Api.Created preparing = Api.createMeeting("Nog in voorbereiding", 1, 1);

        clock.move(Duration.ofDays(31));
        retention.eraseDue().await().indefinitely();
        assertThat(stored(shortKept.id())).isFalse();
        assertThat(count("select count(*) from meeting_event where meeting_id = ?", shortKept.id())).isZero();
        assertThat(count("select count(*) from access_key where meeting_id = ?", shortKept.id())).isZero();
        assertThat(count("select count(*) from meeting_archive where meeting_id = ?", shortKept.id())).isZero();
        assertThat(stored(longKept.id())).isTrue();
        assertThat(stored(preparing.id())).isTrue();
        longKept.asModerator().get("/api/meetings/" + longKept.id()).then().statusCode(200);
        shortKept.asModerator().get("/api/meetings/" + shortKept.id()).then().statusCode(401);

        // A meeting nobody ended is kept from its last event on, not from when it was made.
        clock.move(Duration.ofDays(300));
        Api.Created used = Api.createMeeting("Lang in voorbereiding", 1, 1);
        clock.move(Duration.ofDays(300));
        used.asModerator().body("{\"text\":\"Telefoons uit\"}").put("/api/meetings/" + used.id() + "/house-rules")
                .then().statusCode(200);
        clock.move(Duration.ofDays(66));
        retention.eraseDue().await().indefinitely();
        assertThat(stored(longKept.id())).isFalse();
        assertThat(stored(preparing.id())).isFalse();
        assertThat(stored(used.id())).as("last changed 66 days ago").isTrue();
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("select title, improvement_points::text, actions::text from meeting_archive where meeting_id = ?")) {
            s.setObject(1, UUID.fromString(longKept.id()));
            ResultSet rs = s.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Lang bewaard");
            // Only what the finalised report published is kept: never a note it left out.
            assertThat(rs.getString(2)).contains("Verbeterpunt van Lang bewaard").doesNotContain("Deelnemer", "Intern punt");
        }
    }

    @Test
    void theModeratorErasesAtOnceAfterConfirming() throws Exception {
        Api.Created m = ended("Meteen wissen", null, true);
        m.asModerator().body("{\"title\":\"Verkeerde titel\"}").post("/api/meetings/" + m.id() + "/erase")
                .then().statusCode(400).body("field", Matchers.is("title"));
        Api.as(m.assistantKey()).body("{\"title\":\"Meteen wissen\"}").post("/api/meetings/" + m.id() + "/erase")
                .then().statusCode(403);
        assertThat(stored(m.id())).isTrue();
        m.asModerator().body("{\"title\":\"Meteen wissen\"}").post("/api/meetings/" + m.id() + "/erase")
                .then().statusCode(204);
        assertThat(stored(m.id())).isFalse();
        assertThat(count("select count(*) from meeting_archive where meeting_id = ?", m.id())).isEqualTo(1);
        m.asModerator().get("/api/meetings/" + m.id()).then().statusCode(401);
    }
}
