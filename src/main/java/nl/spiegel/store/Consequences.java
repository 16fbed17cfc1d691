package nl.spiegel.store;

import java.util.List;
import java.util.UUID;

import nl.spiegel.meeting.Recorded;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * What other features store because of a command's events, in the command's own transaction, so
 * that both commit or neither does (for example: a removed listener's key stops working). Beans
 * implementing this are called for every applied command that appended events they concern.
 */
public interface Consequences {

    /** Whether these events, about to be appended, need this; a command that needs none skips the transaction. */
    boolean concerns(List<Recorded> events);

    /** Runs on the command's own connection, inside its transaction. */
    Uni<Void> of(SqlConnection connection, UUID meetingId, Outcome.Applied applied);
}
