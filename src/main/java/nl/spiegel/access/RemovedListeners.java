package nl.spiegel.access;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.meeting.Event;
import nl.spiegel.meeting.Recorded;
import nl.spiegel.store.Consequences;
import nl.spiegel.store.Outcome;

/**
 * A listener the moderator removed loses their key in the same transaction; the revocation's
 * notification (a trigger, see V2) closes their live connections on every node.
 */
@ApplicationScoped
public class RemovedListeners implements Consequences {

    @Inject
    Clock clock;

    @Override
    public boolean concerns(List<Recorded> events) {
        return events.stream().anyMatch(r -> r.event() instanceof Event.ListenerRemoved);
    }

    @Override
    public Uni<Void> of(SqlConnection connection, UUID meetingId, Outcome.Applied applied) {
        List<String> removed = applied.events().stream().map(Recorded::event)
                .filter(Event.ListenerRemoved.class::isInstance).map(e -> ((Event.ListenerRemoved) e).listenerId())
                .toList();
        if (removed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("update access_key set revoked_at = $3 where meeting_id = $1"
                        + " and listener_id = any($2) and revoked_at is null")
                .execute(Tuple.of(meetingId, removed.toArray(String[]::new), clock.instant().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
