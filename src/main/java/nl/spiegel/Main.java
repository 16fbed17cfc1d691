package nl.spiegel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SysPropConfigSource;
import nl.spiegel.store.EmbeddedPostgres;

/**
 * Starts Spiegel. Without a configured database it first starts the embedded PostgreSQL on the
 * data directory, so a new user needs no database of their own. Decided at run time: the same jar
 * uses an external database when one is given ({@code SPIEGEL_DATABASE_URL}, or the standard
 * {@code QUARKUS_DATASOURCE_REACTIVE_URL}), and then starts
 * none of its own.
 */
@QuarkusMain
public final class Main {

    private Main() {}

    public static void main(String... args) {
        // Read before Quarkus starts, with the same mapping, from what the user gives: system properties and
        // the environment (application.properties derives the datasource from spiegel.database.url).
        SmallRyeConfig config = given(new SysPropConfigSource(), new EnvConfigSource(System.getenv(), 300));
        SpiegelConfig spiegel = config.getConfigMapping(SpiegelConfig.class);
        Optional<String> given = givenDatabase(config);
        if (given.isPresent()) {
            // The reactive URL is derived from this one unless given itself.
            System.setProperty("spiegel.database.url", given.get());
        } else {
            EmbeddedPostgres pg = EmbeddedPostgres.start(Path.of(spiegel.dataDir()), spiegel.database().embeddedPort().orElse(0))
                    .keptRunning();
            System.setProperty("spiegel.database.url", pg.url());
            System.setProperty("spiegel.database.username", EmbeddedPostgres.USER);
            System.setProperty("spiegel.database.password", pg.password());
        }
        eventLoops(config, Runtime.getRuntime().availableProcessors()).ifPresent(n -> System.setProperty(EVENT_LOOPS, n));
        Quarkus.run(args);
    }

    /**
     * Spiegel's settings from these sources, read as Quarkus reads them (durations such as {@code 20s}
     * included); a setting the server cannot run with stops the start with a message that names it.
     */
    static SmallRyeConfig given(ConfigSource... sources) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(sources)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(SpiegelConfig.class).withValidateUnknown(false).build();
        Duration ping = config.getConfigMapping(SpiegelConfig.class).livePing();
        if (ping.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("SPIEGEL_LIVE_PING (spiegel.live-ping) must be at least 1s, such as 20s; it is "
                    + ping.toMillis() + " ms");
        }
        return config;
    }

    static final String EVENT_LOOPS = "quarkus.vertx.event-loops-pool-size";

    /**
     * One event loop per core unless the user chose otherwise. Quarkus runs as many as there are
     * cores but at least two; nothing of Spiegel blocks an event loop, and on one core (a container
     * given one CPU) a second loop only hands a command's work between threads: its fan-out writes
     * to connections of both loops, and each hand-off waits for the scheduler (docs/performance.md).
     */
    static Optional<String> eventLoops(SmallRyeConfig config, int cores) {
        return config.getOptionalValue(EVENT_LOOPS, String.class).isPresent() ? Optional.empty()
                : Optional.of(String.valueOf(cores));
    }

    /** The database the user gave, if any. */
    static Optional<String> givenDatabase(SmallRyeConfig config) {
        // Read by earlier versions; ignoring it now would start the built-in database instead of the user's.
        if (config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).isPresent()) {
            throw new IllegalStateException("QUARKUS_DATASOURCE_JDBC_URL (quarkus.datasource.jdbc.url) is no longer read: "
                    + "give the database as SPIEGEL_DATABASE_URL=postgresql://host:5432/dbname instead");
        }
        return config.getConfigMapping(SpiegelConfig.class).database().url()
                .or(() -> config.getOptionalValue("quarkus.datasource.reactive.url", String.class));
    }
}
