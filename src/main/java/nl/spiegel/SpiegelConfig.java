package nl.spiegel;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Spiegel's own settings, {@code spiegel.*}: each can be given as a system property or as an
 * environment variable ({@code spiegel.data-dir} → {@code SPIEGEL_DATA_DIR}). The README's
 * configuration table lists the same, with these defaults.
 */
@ConfigMapping(prefix = "spiegel")
public interface SpiegelConfig {

    Database database();

    /** Where the built-in database keeps its data. */
    @WithDefault("data")
    String dataDir();

    /** Days after its end a meeting is erased, unless its moderator chose another period. */
    @WithDefault("365")
    int retentionDays();

    /** How often the server looks for meetings to erase (read by the scheduler as {@code ${spiegel.retention-check}}). */
    @WithDefault("1h")
    String retentionCheck();

    /** The time zone of dates in reports. */
    @WithDefault("Europe/Amsterdam")
    ZoneId timeZone();

    /** Other web origins allowed to open live connections, such as a frontend dev server. */
    Optional<List<String>> allowedOrigins();

    interface Database {

        /**
         * Your PostgreSQL, as {@code postgresql://host:5432/dbname}. When neither this nor the standard
         * {@code quarkus.datasource.reactive.url} or {@code quarkus.datasource.jdbc.url} is set, Spiegel
         * starts a database of its own ({@link Main}).
         */
        Optional<String> url();

        @WithDefault("spiegel")
        String username();

        Optional<String> password();

        /** Port of the built-in database on 127.0.0.1; a free one when not set. */
        OptionalInt embeddedPort();
    }
}
