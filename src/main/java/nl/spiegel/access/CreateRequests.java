package nl.spiegel.access;

import nl.spiegel.meeting.Rejection;
import java.time.Clock;
import java.time.ZoneOffset;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.store.Secrets;

/**
 * A create (of a meeting or a series) with an {@code Idempotency-Key} happens once. A repeat is
 * refused with 409 and gets nothing: no id, no keys, and the first creator's keys keep working.
 * The key is claimed in the create's own transaction, so a create that fails claims nothing.
 */
@ApplicationScoped
public class CreateRequests {

    public enum Kind { MEETING, SERIES }

    @Inject
    Clock clock;

    /** Inside the create's transaction on {@code connection}. */
    public Uni<Void> claim(SqlConnection connection, Kind kind, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("insert into create_request (kind, key_hash, created_at) values ($1, $2, $3)"
                        + " on conflict do nothing")
                .execute(Tuple.of(kind.name(), Secrets.hash(idempotencyKey), clock.instant().atOffset(ZoneOffset.UTC)))
                .invoke(rows -> firstOrRefuse(rows.rowCount())).replaceWithVoid();
    }

    private static void firstOrRefuse(int inserted) {
        if (inserted == 0) {
            throw Rejection.Reason.ALREADY_CREATED.about("Idempotency-Key").refused();
        }
    }
}
