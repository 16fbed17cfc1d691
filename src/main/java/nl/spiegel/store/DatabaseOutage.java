package nl.spiegel.store;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * A database outage is one change of state in the log, not a stack trace per request, live command
 * and pooled connection that failed meanwhile: the first failure to reach the database becomes the
 * line "unreachable since …", what fails for the same reason after it is left out (and counted), and
 * {@link #reached} writes "reachable again after …" once a query gets through ({@code OutageWatch}).
 * A log filter ({@code quarkus.log.console.filter}), because the failures are logged by Quarkus and
 * Vert.x as well as by Spiegel. The state is static: the logging system makes its filters before any
 * bean exists; a test's restarted application finds it as the last one left it, and a query that
 * gets through ends it. {@link ConnectException} counts because the database is the only thing
 * this server connects to.
 */
@LoggingFilter(name = "database-outage")
public final class DatabaseOutage implements Filter {

    private static final String LOGGER = DatabaseOutage.class.getName();
    private static final AtomicReference<Instant> DOWN_SINCE = new AtomicReference<>();
    private static final AtomicLong LEFT_OUT = new AtomicLong();

    @Override
    public boolean isLoggable(LogRecord record) {
        if (down() && healthDown(record)) {
            LEFT_OUT.incrementAndGet();
            return false;
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && poolTimerAfterAFailure(thrown)) {
            return false;
        }
        if (thrown == null || cause(thrown) == null) {
            return true;
        }
        if (DOWN_SINCE.compareAndSet(null, Instant.now())) {
            // This record becomes the one line that says so, without its trace.
            say(record, unreachableSince(describe(cause(thrown))));
            return true;
        }
        LEFT_OUT.incrementAndGet();
        return false;
    }

    /** Whether the database is known to be unreachable now. */
    public static boolean down() {
        return DOWN_SINCE.get() != null;
    }

    /** Since when the database is known to be unreachable; {@code null} while it is reachable. */
    public static Instant since() {
        return DOWN_SINCE.get();
    }

    /** The database was found unreachable without a failure to show for it (a connection that closed). */
    public static void lost(String how) {
        if (DOWN_SINCE.compareAndSet(null, Instant.now())) {
            org.jboss.logging.Logger.getLogger(LOGGER).warn(unreachableSince(how));
        }
    }

    private static String unreachableSince(String how) {
        return "Database unreachable since %s (%s); what needs it fails until it is back"
                .formatted(LocalTime.now().truncatedTo(ChronoUnit.SECONDS), how);
    }

    /** A query got through: ends an outage, if there was one, with one line. */
    public static void reached() {
        Instant since = DOWN_SINCE.getAndSet(null);
        if (since != null) {
            org.jboss.logging.Logger.getLogger(LOGGER).infof(
                    "Database reachable again after %d s; %d log messages about the outage were left out",
                    Duration.between(since, Instant.now()).toSeconds(), LEFT_OUT.getAndSet(0));
        }
    }

    /**
     * In a failure's chain of causes, the failure to reach the database or to keep a connection to
     * it: refused, closed, or the server shutting down, starting up or gone (SQLSTATE class 08, and
     * 57P01 to 57P03); null when it is about something else.
     */
    public static Throwable cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedConnectionException || t instanceof ConnectException
                    || t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().matches("57P0[123]"))) {
                return t;
            }
        }
        return null;
    }

    /**
     * SmallRye Health's line for each probe that finds the node not ready: during an outage, the line
     * that it started says why. Down for another reason, the node still says so at every probe.
     */
    private static boolean healthDown(LogRecord record) {
        return record.getLoggerName() != null && record.getLoggerName().startsWith("io.smallrye.health")
                && record.getMessage() != null && record.getMessage().startsWith("SRHCK01001");
    }

    /**
     * The pool's acquisition timer fails a request a second time, 30 s after it already failed for
     * want of a connection: vertx-sql-client does not cancel that timer (its issue 1706). Harmless,
     * since the request had its answer; it is reported by Vert.x as an uncaught exception.
     */
    static boolean poolTimerAfterAFailure(Throwable failure) {
        if (!(failure instanceof IllegalStateException) || !"Result is already complete".equals(failure.getMessage())) {
            return false;
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().equals("io.vertx.sqlclient.impl.pool.SqlConnectionPool")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static void say(LogRecord record, String message) {
        record.setLevel(Level.WARNING);
        record.setThrown(null);
        record.setLoggerName(LOGGER);
        if (record instanceof ExtLogRecord ext) {
            ext.setMessage(message, ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
            record.setMessage(message);
        }
        record.setParameters(null);
    }
}
