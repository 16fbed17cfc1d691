package nl.spiegel.store;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** While the database is unreachable ({@link DatabaseOutage}), asks it every second whether it is back. */
@ApplicationScoped
public class OutageWatch {

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(1000, ignored -> {
            if (DatabaseOutage.down()) {
                pool.query("select 1").execute().subscribe().with(rows -> DatabaseOutage.reached(), stillDown -> { });
            }
        });
    }
}
