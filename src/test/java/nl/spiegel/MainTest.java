package nl.spiegel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;

/** What Spiegel decides from what the user gives before it starts: the database, settings it checks, the event loops. */
class MainTest {

    @Test
    void theUsersDatabaseUrlOrTheStandardReactiveOneAndOtherwiseNone() {
        assertThat(Main.givenDatabase(config(Map.of("spiegel.database.url", "postgresql://db:5432/spiegel"))))
                .contains("postgresql://db:5432/spiegel");
        assertThat(Main.givenDatabase(config(Map.of("quarkus.datasource.reactive.url", "postgresql://other:5432/s"))))
                .contains("postgresql://other:5432/s");
        assertThat(Main.givenDatabase(config(Map.of()))).isEmpty();
    }

    @Test
    void aJdbcUrlIsRefusedRatherThanIgnoredForTheBuiltInDatabase() {
        assertThatThrownBy(() -> Main.givenDatabase(config(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/s"))))
                .hasMessageContaining("QUARKUS_DATASOURCE_JDBC_URL").hasMessageContaining("SPIEGEL_DATABASE_URL");
    }

    @Test
    void durationsAreReadAsQuarkusReadsThem() {
        assertThat(config(Map.of()).getConfigMapping(SpiegelConfig.class).livePing()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config(Map.of("spiegel.live-ping", "5s")).getConfigMapping(SpiegelConfig.class).livePing())
                .isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> config(Map.of("spiegel.live-ping", "0s"))).hasMessageContaining("SPIEGEL_LIVE_PING")
                .hasMessageContaining("at least 1s");
    }

    @Test
    void oneEventLoopPerCoreUnlessTheUserChose() {
        assertThat(Main.eventLoops(config(Map.of()), 1)).contains("1");
        assertThat(Main.eventLoops(config(Map.of()), 8)).contains("8");
        assertThat(Main.eventLoops(config(Map.of(Main.EVENT_LOOPS, "3")), 8)).isEmpty();
        // As the README names it, in the environment.
        SmallRyeConfig fromEnvironment = Main.given(new EnvConfigSource(Map.of("QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE", "3"), 300));
        assertThat(Main.eventLoops(fromEnvironment, 8)).isEmpty();
    }

    private static SmallRyeConfig config(Map<String, String> given) {
        return Main.given(new PropertiesConfigSource(given, "given", 300));
    }
}
