package nl.spiegel.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Brings the database schema up to date at start, before anything else uses it: the scripts in
 * {@code db/migration} run in order, each once, all in one transaction under an advisory lock, so
 * that nodes starting together take turns and a failed script leaves the schema as it was. A script
 * that ran is remembered with its SHA-256; a script changed after it ran stops the start. Scripts of a
 * newer Spiegel (during a rolling upgrade back) are left alone: migrations only add.
 *
 * <p>Databases migrated by Flyway, which earlier versions used, carry their history over once.
 */
@ApplicationScoped
public class Schema {

    private static final Logger LOG = Logger.getLogger(Schema.class);

    /** In order. A new script is added here and in {@code src/main/resources/db/migration}. */
    static final List<String> SCRIPTS = List.of(
            "V1__event_stream.sql",
            "V2__access_and_notify.sql",
            "V3__series.sql",
            "V4__retention.sql",
            "V5__one_answer_per_command.sql",
            "V6__create_requests.sql",
            "V7__statistics.sql",
            "V8__follow_up.sql",
            "V9__practice.sql",
            "V10__evaluation_card.sql",
            "V11__notify_after_commit.sql",
            "V12__less_written_per_command.sql");

    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");
    /** Any number that no other advisory lock of Spiegel uses. */
    private static final long LOCK = 0x5350_4945_4745_4cL;
    private static final Duration AT_MOST = Duration.ofMinutes(5);

    @Inject
    Pool pool;

    Schema() {
    }

    Schema(Pool pool) {
        this.pool = pool;
    }

    void migrate(@Observes @Priority(1) StartupEvent event) {
        int applied = migrate().await().atMost(AT_MOST);
        if (applied > 0) {
            LOG.infof("Database schema: %d script(s) applied", applied);
        }
    }

    /** Runs the scripts that have not run yet; emits how many ran. */
    Uni<Integer> migrate() {
        return pool.withTransaction(this::migrate);
    }

    private Uni<Integer> migrate(SqlConnection c) {
        return c.query("select pg_advisory_xact_lock(" + LOCK + ")").execute()
                // Not a warning in the log at every start that the table exists.
                .chain(() -> c.query("set local client_min_messages = warning").execute())
                .chain(() -> c.query("""
                        create table if not exists schema_script (
                            version    integer     primary key,
                            script     text        not null,
                            sha256     text        not null,
                            applied_at timestamptz not null default now()
                        )""").execute())
                .chain(() -> carryOverFlyway(c))
                .chain(() -> c.query("select version, script, sha256 from schema_script").execute())
                .chain(rows -> {
                    Map<Integer, Row> done = new HashMap<>();
                    rows.forEach(row -> done.put(row.getInteger("version"), row));
                    Uni<Integer> applied = Uni.createFrom().item(0);
                    for (String script : SCRIPTS) {
                        Row ran = done.get(version(script));
                        if (ran == null) {
                            applied = applied.chain(n -> apply(c, script).replaceWith(n + 1));
                        } else if (!ran.getString("sha256").equals(sha256(text(script)))) {
                            return Uni.createFrom().failure(new IllegalStateException("The database schema script " + script
                                    + " changed after it ran; restore it as it was and add a new script instead"));
                        }
                    }
                    return applied;
                });
    }

    /** Scripts Flyway ran successfully count as run; they are the same files. */
    private Uni<Void> carryOverFlyway(SqlConnection c) {
        return c.query("select to_regclass('flyway_schema_history') is not null as flyway,"
                        + " exists (select 1 from schema_script) as carried").execute()
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    if (!row.getBoolean("flyway") || row.getBoolean("carried")) {
                        return Uni.createFrom().voidItem();
                    }
                    return c.query("select version from flyway_schema_history where success and version is not null").execute()
                            .chain(versions -> {
                                List<Tuple> carried = new ArrayList<>();
                                versions.forEach(v -> {
                                    int version = Integer.parseInt(v.getString("version"));
                                    SCRIPTS.stream().filter(s -> version(s) == version).findFirst()
                                            .ifPresent(s -> carried.add(Tuple.of(version, s, sha256(text(s)))));
                                });
                                if (carried.isEmpty()) {
                                    return Uni.createFrom().voidItem();
                                }
                                LOG.infof("Database schema: carried over %d script(s) from Flyway's history", carried.size());
                                return c.preparedQuery("insert into schema_script (version, script, sha256) values ($1, $2, $3)")
                                        .executeBatch(carried).replaceWithVoid();
                            });
                });
    }

    private Uni<Void> apply(SqlConnection c, String script) {
        String sql = text(script);
        // A script may hold several statements; the simple query protocol runs them in order.
        return c.query(sql).execute()
                .chain(() -> c.preparedQuery("insert into schema_script (version, script, sha256) values ($1, $2, $3)")
                        .execute(Tuple.of(version(script), script, sha256(sql))))
                .replaceWithVoid();
    }

    static int version(String script) {
        Matcher m = NAME.matcher(script);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a schema script name: " + script);
        }
        return Integer.parseInt(m.group(1));
    }

    static String text(String script) {
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream("db/migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("The schema script " + script + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
