package nl.spiegel;

import java.time.Duration;
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

    /** The time zone of dates in reports and of the days of the track planner. */
    @WithDefault("Europe/Amsterdam")
    ZoneId timeZone();

    /**
     * How often the server pings each live connection. One that answers none for three and a half
     * times this (70 s at the default) is closed; proxies that drop quiet connections sooner need less.
     */
    @WithDefault("20s")
    Duration livePing();

    /** How often a rehearsal's simulated listeners hand in a question while the conversation runs. */
    @WithDefault("40s")
    Duration rehearsalQuestionEvery();

    /**
     * How often the request log writes one line with the join codes refused meanwhile, instead of a
     * line for each (someone guessing codes sends thousands a second).
     */
    @WithDefault("10s")
    Duration refusedJoinsSummary();

    /** Other web origins allowed to open live connections, such as a frontend dev server. */
    Optional<List<String>> allowedOrigins();

    /**
     * Where to report a security problem, for /.well-known/security.txt: a {@code mailto:} or
     * {@code https:} URI. Without it, {@code security@} the host the request was sent to.
     */
    Optional<String> securityContact();

    Limits limits();

    /**
     * What one client address may do without a key (answered with 429 and {@code Retry-After} past
     * it). Behind a proxy, let Quarkus read the client's address from its headers
     * ({@code quarkus.http.proxy.proxy-address-forwarding}), or every client shares the proxy's.
     */
    interface Limits {

        /** Meetings and series created per hour from one address. */
        @WithDefault("60")
        int createsPerHour();

        /** Joins per minute from one address: a whole room behind one office network joins at once. */
        @WithDefault("120")
        int joinsPerMinute();

        /** Wrong join codes per minute from one address. */
        @WithDefault("10")
        int wrongCodesPerMinute();

        /** Wrong join codes per minute from all addresses together: guessing spread over many. */
        @WithDefault("600")
        int wrongCodesPerMinuteInAll();
    }

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
