package nl.spiegel.access;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
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
    public Uni<Void> of(UUID meetingId, Outcome.Applied applied) {
        List<String> removed = applied.events().stream().map(Recorded::event)
                .filter(Event.ListenerRemoved.class::isInstance).map(e -> ((Event.ListenerRemoved) e).listenerId())
                .toList();
        if (removed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return AccessKey.<AccessKey>list("meetingId = ?1 and listenerId in ?2 and revokedAt is null", meetingId, removed)
                .invoke(keys -> keys.forEach(k -> k.revokedAt = clock.instant())).replaceWithVoid();
    }
}
