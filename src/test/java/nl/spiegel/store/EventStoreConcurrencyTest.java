package nl.spiegel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.spiegel.meeting.Event;
import nl.spiegel.support.Api;
import nl.spiegel.support.LogLines;
import nl.spiegel.support.TestDatabase;

/** Against the real PostgreSQL: writers racing on one meeting never make a gap or a duplicate. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class EventStoreConcurrencyTest {

    @Inject
    MeterRegistry registry;

    private Api.Created meeting;

    private String newMeeting() {
        meeting = Api.createMeeting("{\"title\":\"Gelijktijdig\"}");
        return meeting.id();
    }

    private static List<Long> seqs(String meetingId) throws Exception {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("select seq from meeting_event where meeting_id = ? order by seq")) {
            s.setObject(1, UUID.fromString(meetingId));
            ResultSet rs = s.executeQuery();
            List<Long> seqs = new ArrayList<>();
            while (rs.next()) {
                seqs.add(rs.getLong(1));
            }
            return seqs;
        }
    }

    @RepeatedTest(3)
    void concurrentAppendsGetGapFreeUniqueSequenceNumbers() throws Exception {
        String id = newMeeting();
        int writers = 24;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                tasks.add(() -> meeting.asModerator()
                        .body("{\"title\":\"Thema " + n + "\",\"centralQuestion\":\"Vraag " + n + "?\",\"minutes\":5}")
                        .post("/api/meetings/" + id + "/themes").then().extract().statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        List<Long> seqs = seqs(id);
        assertThat(seqs).hasSize(writers + 1);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i + 1);
        }
        meeting.asModerator().get("/api/meetings/" + id).then().statusCode(200)
                .body("seq", Matchers.is(writers + 1))
                .body("meeting.guide", Matchers.hasSize(writers));
    }

    @RepeatedTest(5)
    void theSameCommandIdSentManyTimesAtOnceIsStoredOnce() throws Exception {
        String id = newMeeting();
        int copies = 16;
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        Set<String> answers = ConcurrentHashMap.newKeySet();
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                tasks.add(() -> {
                    var response = meeting.asModerator().header("Idempotency-Key", "seat-7-once")
                            .body("{\"pseudonym\":\"Eva\",\"seat\":7}")
                            .post("/api/meetings/" + id + "/participants");
                    answers.add(response.statusCode() + " " + response.path("createdId"));
                    return response.statusCode();
                });
            }
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(seqs(id)).containsExactly(1L, 2L);
        assertThat(answers).containsExactly("201 P1");
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("select count(*) from meeting_command where meeting_id = ?")) {
            s.setObject(1, UUID.fromString(id));
            ResultSet rs = s.executeQuery();
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    /**
     * Commands to many meetings at once, ten times as many as the pool has connections: each
     * command holds one connection at a time, so none waits for a second while holding the first.
     * When the stream was read through the pool inside the transaction, this stalled every command.
     */
    @Test
    void commandsToTwoHundredMeetingsAtOnceAllComplete() throws Exception {
        int meetings = 200;
        ExecutorService creators = Executors.newFixedThreadPool(8);
        List<Api.Created> created = new ArrayList<>();
        try {
            List<Callable<Api.Created>> tasks = new ArrayList<>();
            for (int i = 0; i < meetings; i++) {
                tasks.add(() -> Api.createMeeting("{\"title\":\"Tegelijk\"}"));
            }
            for (Future<Api.Created> f : creators.invokeAll(tasks)) {
                created.add(f.get());
            }
        } finally {
            creators.shutdown();
        }
        ExecutorService senders = Executors.newFixedThreadPool(meetings);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (Api.Created m : created) {
                tasks.add(() -> m.asModerator().body("{\"pseudonym\":\"Eva\",\"seat\":1}")
                        .post("/api/meetings/" + m.id() + "/participants").then().extract().statusCode());
            }
            for (Future<Integer> f : senders.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                assertThat(f.isCancelled()).as("a command still waiting after 60 s").isFalse();
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            senders.shutdownNow();
        }
        for (Api.Created m : created) {
            assertThat(seqs(m.id())).containsExactly(1L, 2L);
        }
    }

    /**
     * Commands, key rotation and a new join code leave Hibernate no work after the transaction:
     * bulk update queries did, and it warned twice for every stored command.
     */
    @Test
    void storingCommandsAndRotatingKeysLeaveNothingForHibernateToWarnAbout() {
        List<String> warnings;
        try (LogLines log = LogLines.warningsOf("org.hibernate")) {
            String id = newMeeting();
            for (int i = 0; i < 5; i++) {
                meeting.asModerator().body("{\"title\":\"Titel " + i + "\"}").put("/api/meetings/" + id).then().statusCode(200);
            }
            meeting.asModerator().post("/api/meetings/" + id + "/access/assistant/rotate").then().statusCode(200);
            meeting.asModerator().post("/api/meetings/" + id + "/access/join-code/rotate").then().statusCode(200);
            warnings = log.lines;
        }
        assertThat(warnings).isEmpty();
    }

    /** The summary row follows what it sums up, and is left alone by the commands that do not change it. */
    @Test
    void theSummaryFollowsTheStream() throws Exception {
        String id = newMeeting();
        String created = summary(id);
        meeting.asModerator().body("{\"text\":\"Telefoons uit\"}").put("/api/meetings/" + id + "/house-rules")
                .then().statusCode(200);
        assertThat(summary(id)).as("the row, with the transaction that last wrote it").isEqualTo(created);

        meeting.asModerator().body("{\"title\":\"Andere titel\"}").put("/api/meetings/" + id)
                .then().statusCode(200);
        String changed = summary(id);
        assertThat(changed).startsWith("Andere titel PREPARATION ");
        assertThat(writer(changed)).as("the transaction that wrote the row").isNotEqualTo(writer(created));
    }

    private static String writer(String summary) {
        return summary.substring(summary.lastIndexOf(' ') + 1);
    }

    /** A meeting's summary row: its title, its phase and the transaction that last wrote it. */
    private static String summary(String meetingId) throws Exception {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("select title, phase, xmin::text from meeting where id = ?")) {
            s.setObject(1, UUID.fromString(meetingId));
            ResultSet rs = s.executeQuery();
            assertThat(rs.next()).isTrue();
            return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
        }
    }

    /** As another node would: an event appended behind this node's back, which its folded state does not hold. */
    private static void appendElsewhere(String meetingId, long seq, Event event) throws Exception {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("insert into meeting_event (meeting_id, seq, occurred_at, type, payload)"
                     + " values (?, ?, now(), ?, ?::jsonb)")) {
            s.setObject(1, UUID.fromString(meetingId));
            s.setLong(2, seq);
            s.setString(3, EventCodec.type(event));
            s.setString(4, EventCodec.payload(event));
            s.executeUpdate();
        }
    }

    /**
     * Commands to many meetings at once are stored together, several in one statement
     * ({@link GroupCommit}); when one of them collides (its room is behind: another node appended),
     * it alone is decided again, and the others of its statement are stored as they were.
     */
    @Test
    void appendsOfManyMeetingsGoTogetherAndAConflictStaysItsOwn() throws Exception {
        int meetings = 40;
        List<Api.Created> created = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(meetings);
        try {
            List<Callable<Api.Created>> making = new ArrayList<>();
            for (int i = 0; i < meetings; i++) {
                making.add(() -> {
                    Api.Created m = Api.createMeeting("{\"title\":\"Samen\"}");
                    m.asModerator().body("{\"text\":\"Eerste\"}").put("/api/meetings/" + m.id() + "/house-rules")
                            .then().statusCode(200);
                    return m;
                });
            }
            for (Future<Api.Created> f : senders.invokeAll(making)) {
                created.add(f.get());
            }
            Map<String, String> summaries = new HashMap<>();
            for (Api.Created m : created) {
                summaries.put(m.id(), summary(m.id()));
            }
            String behind = created.getFirst().id();
            appendElsewhere(behind, 3, new Event.HouseRulesSet("Van elders"));
            double before = together().max();
            long statementsBefore = together().count();
            for (int round = 1; round <= 3; round++) {
                List<Callable<Integer>> tasks = new ArrayList<>();
                for (Api.Created m : created) {
                    String text = "Ronde " + round + " in " + m.id();
                    tasks.add(() -> m.asModerator().body("{\"text\":\"" + text + "\"}")
                            .put("/api/meetings/" + m.id() + "/house-rules").then().extract().statusCode());
                }
                for (Future<Integer> f : senders.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                    assertThat(f.get()).isEqualTo(200);
                }
            }
            // Then a change that the summary rows hold, in every meeting at once.
            List<Callable<Integer>> renames = new ArrayList<>();
            for (Api.Created m : created) {
                renames.add(() -> m.asModerator().body("{\"title\":\"Hernoemd " + m.id() + "\"}")
                        .put("/api/meetings/" + m.id()).then().extract().statusCode());
            }
            for (Future<Integer> f : senders.invokeAll(renames, 60, TimeUnit.SECONDS)) {
                assertThat(f.get()).isEqualTo(200);
            }
            assertThat(together().count() - statementsBefore).as("statements for 160 appends").isLessThan(160);
            assertThat(Math.max(before, together().max())).as("most appends in one statement").isGreaterThan(1);
            for (Api.Created m : created) {
                long last = m.id().equals(behind) ? 7 : 6;
                assertThat(seqs(m.id())).hasSize((int) last).last().isEqualTo(last);
                String summary = summary(m.id());
                assertThat(summary).as("the summary of " + m.id()).startsWith("Hernoemd " + m.id() + " PREPARATION ");
                assertThat(writer(summary)).as("written by the rename").isNotEqualTo(writer(summaries.get(m.id())));
                m.asModerator().get("/api/meetings/" + m.id()).then().statusCode(200)
                        .body("seq", Matchers.is((int) last))
                        .body("meeting.details.houseRules", Matchers.is("Ronde 3 in " + m.id()))
                        .body("meeting.details.title", Matchers.is("Hernoemd " + m.id()));
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private DistributionSummary together() {
        return registry.get("spiegel.store.append.together").summary();
    }

    /**
     * Commands are decided on the folded state without reading the stream first. When that state is
     * behind, an accepted command collides on the next seq and is decided again on the latest
     * state; a rejection is never decided on a state that is behind.
     */
    @Test
    void aCommandOnAStateThatIsBehindIsDecidedAgainOnTheLatest() throws Exception {
        String id = newMeeting();
        meeting.asModerator().body("{\"text\":\"Eerste huisregels\"}").put("/api/meetings/" + id + "/house-rules")
                .then().statusCode(200);
        appendElsewhere(id, 3, new Event.ThemeAdded("t-elders", "Van elders", "Klopt het?", 10));
        // On the folded state this theme does not exist: only the latest state accepts the edit.
        meeting.asModerator().body("{\"title\":\"Bewerkt\",\"centralQuestion\":\"Klopt het?\",\"minutes\":12}")
                .put("/api/meetings/" + id + "/themes/t-elders").then().statusCode(200);
        appendElsewhere(id, 5, new Event.HouseRulesSet("Huisregels van elders"));
        meeting.asModerator().body("{\"title\":\"Nog een thema\",\"centralQuestion\":\"Waarom?\",\"minutes\":5}")
                .post("/api/meetings/" + id + "/themes").then().statusCode(201);
        assertThat(seqs(id)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        meeting.asModerator().get("/api/meetings/" + id).then().statusCode(200)
                .body("seq", Matchers.is(6))
                .body("meeting.details.houseRules", Matchers.is("Huisregels van elders"))
                .body("meeting.guide.title", Matchers.contains("Bewerkt", "Nog een thema"));
    }
}
