package nl.spiegel.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import nl.spiegel.store.EmbeddedPostgres;

/** A throw-away PostgreSQL for the tests: the embedded one, on a fresh temporary data directory. */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static Path home;

    @Override
    public Map<String, String> start() {
        try {
            home = Files.createTempDirectory("spiegel-test-db");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        postgres = EmbeddedPostgres.start(home, 0);
        return Map.of("spiegel.database.url", postgres.url(),
                "spiegel.database.username", EmbeddedPostgres.USER,
                "spiegel.database.password", postgres.password());
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        try (var paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many events a meeting's stream holds. */
    public static long events(String meetingId) throws SQLException {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("select count(*) from meeting_event where meeting_id = ?")) {
            s.setObject(1, UUID.fromString(meetingId));
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The database out of reach until closed, as when its server went away: every connection to it
     * is ended (57P01) and no new one is let in; from the server's own database, to let them in again.
     */
    public static AutoCloseable outage() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres",
                EmbeddedPostgres.USER, postgres.password());
        try (Statement s = c.createStatement()) {
            s.execute("alter database " + EmbeddedPostgres.DATABASE + " with allow_connections false");
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                    + EmbeddedPostgres.DATABASE + "'");
        }
        return () -> {
            try (c; Statement s = c.createStatement()) {
                s.execute("alter database " + EmbeddedPostgres.DATABASE + " with allow_connections true");
            }
        };
    }

    /** A plain JDBC connection, for tests that look at what is stored. */
    public static Connection connect() throws SQLException {
        return connect(postgres);
    }

    /** A plain JDBC connection to the database of the given server. */
    public static Connection connect(EmbeddedPostgres db) throws SQLException {
        return DriverManager.getConnection("jdbc:" + db.url(), EmbeddedPostgres.USER, db.password());
    }
}
