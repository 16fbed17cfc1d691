package nl.spiegel.store;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The built-in database's state at /q/metrics, when this process runs one. */
@ApplicationScoped
public class EmbeddedDatabaseMetrics {

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        EmbeddedPostgres.kept().ifPresent(pg -> {
            Gauge.builder("spiegel.database.embedded.up", pg, db -> db.up() ? 1 : 0)
                    .description("1 while the built-in PostgreSQL runs").register(registry);
            FunctionCounter.builder("spiegel.database.embedded.restarts", pg, EmbeddedPostgres::restarts)
                    .description("Times the built-in PostgreSQL was started again after it died").register(registry);
        });
    }
}
