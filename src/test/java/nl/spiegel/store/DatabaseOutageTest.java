package nl.spiegel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** What the log filter counts as the database being out of reach, and what it makes of the records. */
class DatabaseOutageTest {

    private final DatabaseOutage filter = new DatabaseOutage();

    @Test
    void anOutageIsOneLineWhenItStartsAndTheFailuresAfterItAreLeftOut() {
        DatabaseOutage.reached();
        LogRecord first = failed("HTTP Request to /api/meetings failed", new RuntimeException(ClosedConnectionException.INSTANCE));
        assertThat(filter.isLoggable(first)).isTrue();
        assertThat(first.getThrown()).isNull();
        assertThat(first.getLevel()).isEqualTo(Level.WARNING);
        assertThat(first.getMessage()).startsWith("Database unreachable since ").contains("ClosedConnectionException");
        assertThat(DatabaseOutage.down()).isTrue();

        for (Throwable later : List.of(new ConnectException("Connection refused"),
                new PgException("the database system is starting up", "FATAL", "57P03", null),
                new PgException("terminating connection due to unexpected postmaster exit", "FATAL", "57P01", null))) {
            assertThat(filter.isLoggable(failed("A live command could not be stored", later))).as("%s", later).isFalse();
        }
        DatabaseOutage.reached();
        assertThat(DatabaseOutage.down()).isFalse();
    }

    @Test
    void otherFailuresKeepTheirTrace() {
        LogRecord bug = failed("HTTP Request failed", new PgException("syntax error", "ERROR", "42601", null));
        assertThat(filter.isLoggable(bug)).isTrue();
        assertThat(bug.getThrown()).isNotNull();
        assertThat(filter.isLoggable(new LogRecord(Level.INFO, "GET / 200 1 ms"))).isTrue();
        assertThat(DatabaseOutage.down()).isFalse();
    }

    /** vertx-sql-client's acquisition timer failing a request a second time (its issue 1706) is left out. */
    @Test
    void thePoolsSecondFailureOfOneRequestIsLeftOut() {
        IllegalStateException twice = new IllegalStateException("Result is already complete");
        twice.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.vertx.core.Promise", "fail", "Promise.java", 90),
                new StackTraceElement("io.vertx.sqlclient.impl.pool.SqlConnectionPool", "lambda$execute$3", "SqlConnectionPool.java", 216)});
        assertThat(filter.isLoggable(failed("Uncaught exception received by Vert.x", twice))).isFalse();
        assertThat(filter.isLoggable(failed("Uncaught exception received by Vert.x",
                new IllegalStateException("Result is already complete")))).isTrue();
    }

    /** A readiness probe's "down" line says nothing new during an outage; outside one it is kept. */
    @Test
    void healthIsQuietOnlyDuringAnOutage() {
        DatabaseOutage.reached();
        assertThat(filter.isLoggable(healthDown())).isTrue();
        DatabaseOutage.lost("a test");
        assertThat(filter.isLoggable(healthDown())).isFalse();
        DatabaseOutage.reached();
        assertThat(filter.isLoggable(healthDown())).isTrue();
    }

    private static LogRecord healthDown() {
        LogRecord record = new LogRecord(Level.INFO, "SRHCK01001: Reporting health down status: %s");
        record.setLoggerName("io.smallrye.health");
        return record;
    }

    private static LogRecord failed(String message, Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, message);
        record.setThrown(thrown);
        return record;
    }
}
