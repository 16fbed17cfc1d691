package nl.spiegel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/** The schema scripts: each runs once, in order, also when nodes start together, and never changed. */
class SchemaTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Path home;
    private static EmbeddedPostgres postgres;
    private static Vertx vertx;
    private static final List<Pool> POOLS = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        home = Files.createTempDirectory("spiegel-schema-test");
        postgres = EmbeddedPostgres.start(home, 0);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws IOException {
        POOLS.forEach(Pool::closeAndAwait);
        vertx.closeAndAwait();
        postgres.close();
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void everyScriptInTheFolderIsListedInOrder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .sorted(Comparator.comparingInt(Schema::version)).toList();
            assertThat(Schema.SCRIPTS).isEqualTo(names);
        }
    }

    @Test
    void aNewDatabaseGetsEveryScriptOnceAndAStartAfterThatNone() throws SQLException {
        String db = database();
        Schema schema = new Schema(pool(db));

        assertThat(schema.migrate().await().atMost(WAIT)).isEqualTo(Schema.SCRIPTS.size());
        assertThat(schema.migrate().await().atMost(WAIT)).isZero();

        assertThat(versions(db)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(query(db, "select count(*) from meeting_event")).isEqualTo(0);
        // New events are announced after their commit (Notifications#grew), not by a trigger inside it.
        assertThat(query(db, "select count(*) from pg_trigger where tgrelid = 'meeting_event'::regclass"
                + " and not tgisinternal")).isEqualTo(0);
        // Autovacuum's ANALYZE leaves the payloads alone; the columns queries look for keep their statistics.
        assertThat(query(db, "select count(*) from pg_attribute where attrelid = 'meeting_event'::regclass"
                + " and attname in ('payload', 'type', 'occurred_at') and attstattarget = 0")).isEqualTo(3);
        assertThat(query(db, "select count(*) from pg_attribute where attrelid = 'meeting_event'::regclass"
                + " and attname in ('meeting_id', 'seq') and attstattarget = 0")).isZero();
    }

    @Test
    void nodesStartingTogetherTakeTurns() throws SQLException {
        String db = database();
        List<Uni<Integer>> starts = List.of(new Schema(pool(db)).migrate(), new Schema(pool(db)).migrate(),
                new Schema(pool(db)).migrate());

        List<Integer> applied = Uni.join().all(starts).andFailFast().await().atMost(WAIT);

        assertThat(applied).containsExactlyInAnyOrder(Schema.SCRIPTS.size(), 0, 0);
        assertThat(versions(db)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void aDatabaseMigratedByFlywayKeepsItsDataAndGetsOnlyTheRest() throws SQLException {
        String db = database();
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            for (String script : Schema.SCRIPTS.subList(0, 3)) {
                s.execute(Schema.text(script));
            }
            s.execute("create table flyway_schema_history (installed_rank int primary key, version varchar(50),"
                    + " description varchar(200), script varchar(1000), success boolean not null)");
            s.execute("insert into flyway_schema_history values (1, '1', 'event stream', 'V1__event_stream.sql', true),"
                    + " (2, '2', 'access and notify', 'V2__access_and_notify.sql', true), (3, '3', 'series', 'V3__series.sql', true)");
            s.execute("insert into meeting (id, title, phase, last_seq, created_at, updated_at)"
                    + " values (gen_random_uuid(), 'Wachttijden', 'PREPARATION', 0, now(), now())");
        }

        assertThat(new Schema(pool(db)).migrate().await().atMost(WAIT)).isEqualTo(Schema.SCRIPTS.size() - 3);

        assertThat(versions(db)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(query(db, "select count(*) from meeting")).isEqualTo(1);
    }

    /**
     * A command answered before V12, or after it by a pod of the previous version while pods roll, is
     * found by its new, shorter key: a retry gets the same answer. That version's writes still work.
     */
    @Test
    void commandIdsStoredBeforeAreFoundByTheirKey() throws SQLException {
        String db = database();
        String scoped = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08:c-17";
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("create table flyway_schema_history (installed_rank int primary key, version varchar(50),"
                    + " description varchar(200), script varchar(1000), success boolean not null)");
            for (String script : Schema.SCRIPTS.subList(0, 11)) {
                s.execute(Schema.text(script));
                s.execute("insert into flyway_schema_history values (" + Schema.version(script) + ", '"
                        + Schema.version(script) + "', 'before', '" + script + "', true)");
            }
            s.execute("insert into meeting (id, title, phase, last_seq, created_at, updated_at)"
                    + " values ('7a6c0f1e-5b1d-4a43-9d1e-1c2b3d4e5f60', 'Wachttijden', 'RUNNING', 1, now(), now())");
            s.execute("insert into meeting_command (meeting_id, command_id, first_seq, last_seq, recorded_at)"
                    + " values ('7a6c0f1e-5b1d-4a43-9d1e-1c2b3d4e5f60', '" + scoped + "', 1, 1, now())");
        }

        assertThat(new Schema(pool(db)).migrate().await().atMost(WAIT)).isEqualTo(1);

        assertThat(query(db, "select count(*) from meeting_command where command_key = '" + EventStore.key(scoped) + "'"))
                .isEqualTo(1);
        String later = scoped.replace("c-17", "c-18");
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("insert into meeting (id, title, phase, last_seq, created_at, updated_at)"
                    + " values ('0b5e1c2d-3f4a-4b6c-8d7e-9f0a1b2c3d4e', 'Oude pod', 'PREPARATION', 0, now(), now())");
            s.execute("insert into meeting_event (meeting_id, seq, type, payload, command_id, occurred_at)"
                    + " values ('7a6c0f1e-5b1d-4a43-9d1e-1c2b3d4e5f60', 2, 'HouseRulesSet', '{}', '" + later + "', now())");
            s.execute("insert into meeting_command (meeting_id, command_id, first_seq, last_seq, recorded_at)"
                    + " values ('7a6c0f1e-5b1d-4a43-9d1e-1c2b3d4e5f60', '" + later + "', 2, 2, now())");
        }
        assertThat(query(db, "select count(*) from meeting_command where command_key = '" + EventStore.key(later) + "'"))
                .isEqualTo(1);
    }

    @Test
    void aScriptChangedAfterItRanStopsTheStartAndChangesNothing() throws SQLException {
        String db = database();
        Schema schema = new Schema(pool(db));
        schema.migrate().await().atMost(WAIT);
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("update schema_script set sha256 = 'something else' where version = 2");
            s.execute("delete from schema_script where version = 6");
            s.execute("drop table create_request");
        }

        assertThatThrownBy(() -> schema.migrate().await().atMost(WAIT))
                .hasMessageContaining("V2__access_and_notify.sql changed after it ran");

        assertThat(versions(db)).containsExactly(1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12);
        assertThat(query(db, "select count(*) from pg_tables where tablename = 'create_request'")).isZero();
    }

    private static String database() throws SQLException {
        String name = "schema_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres",
                EmbeddedPostgres.USER, postgres.password()); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return name;
    }

    private static Pool pool(String db) {
        PgConnectOptions options = new PgConnectOptions().setHost("127.0.0.1").setPort(postgres.port()).setDatabase(db)
                .setUser(EmbeddedPostgres.USER).setPassword(postgres.password());
        Pool pool = PgPool.pool(vertx, options, new PoolOptions().setMaxSize(2));
        POOLS.add(pool);
        return pool;
    }

    private static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + db,
                EmbeddedPostgres.USER, postgres.password());
    }

    private static List<Integer> versions(String db) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version from schema_script order by version")) {
            List<Integer> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
            return versions;
        }
    }

    private static long query(String db, String sql) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
