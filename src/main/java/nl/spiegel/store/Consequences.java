package nl.spiegel.store;

import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * What other features store because of a command's events, in the command's own transaction, so
 * that both commit or neither does (for example: a removed listener's key stops working). Beans
 * implementing this are called for every applied command that appended events.
 */
public interface Consequences {

    /** Runs on the command's own connection, inside its transaction. */
    Uni<Void> of(SqlConnection connection, UUID meetingId, Outcome.Applied applied);
}
