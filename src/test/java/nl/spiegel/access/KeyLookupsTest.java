package nl.spiegel.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.Access;
import nl.spiegel.support.Api;
import nl.spiegel.support.TestDatabase;
import nl.spiegel.store.Secrets;

/** Keys that arrive together are looked up together, and each still gets its own answer. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class KeyLookupsTest {

    @Inject
    KeyLookups lookups;

    @Inject
    MeterRegistry registry;

    @Test
    void keysAskedTogetherGoInFewQueriesAndEachGetsItsOwnAnswer() {
        Api.Created m = Api.createMeeting("Sleutels", 2, 3);
        String oldAssistant = m.assistantKey();
        Api.as(m.moderatorKey()).post("/api/meetings/" + m.id() + "/access/assistant/rotate").then().statusCode(200);
        Map<String, Role> expected = new LinkedHashMap<>();
        expected.put(m.moderatorKey(), Role.MODERATOR);
        expected.put(m.displayKey(), Role.DISPLAY);
        expected.put(oldAssistant, null);
        for (int i = 0; i < 60; i++) {
            expected.put(Api.join(m.joinCode(), null).getString("key"), Role.LISTENER);
            expected.put("onbekend-" + i, null);
        }
        List<String> keys = new ArrayList<>(expected.keySet());
        keys.addAll(expected.keySet());
        double queriesBefore = registry.counter("spiegel.key.queries").count();

        List<Uni<Access>> asked = keys.stream().map(key -> lookups.find(Secrets.hash(key))).toList();
        List<Access> answers = Uni.join().all(asked).andFailFast().await().atMost(Duration.ofSeconds(10));

        for (int i = 0; i < keys.size(); i++) {
            Role role = expected.get(keys.get(i));
            Access answer = answers.get(i);
            assertThat(answer == null ? null : answer.role()).as("key %d", i).isEqualTo(role);
            if (answer != null) {
                assertThat(answer.meetingId().toString()).isEqualTo(m.id());
                assertThat(answer.keyHash()).isEqualTo(Secrets.hash(keys.get(i)));
            }
        }
        double queries = registry.counter("spiegel.key.queries").count() - queriesBefore;
        // One by one they would take 246 queries. Together: the first alone, then those that came while it
        // was underway, and so on; how many rounds depends on how fast this thread asks (4 seen in CI).
        assertThat(queries).as("queries for %d lookups", keys.size()).isLessThanOrEqualTo(10);
        // Nothing stays underway: a lone key afterwards is answered.
        assertThat(lookups.find(Secrets.hash(m.moderatorKey())).await().atMost(Duration.ofSeconds(5)).role())
                .isEqualTo(Role.MODERATOR);
    }
}
