package nl.spiegel.access;

import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import nl.spiegel.live.Rooms;
import nl.spiegel.store.Notifications;

/**
 * A revoked key stops working at once, also on open connections: when a key of a meeting is revoked
 * (a rotated link, a removed listener), every node checks the keys of its open connections to that
 * meeting and closes those that no longer work.
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class);

    @Inject
    Notifications notifications;

    @Inject
    AccessService access;

    @Inject
    Rooms rooms;

    void start(@Observes StartupEvent event) {
        notifications.on(Notifications.ACCESS_REVOKED, payload -> revalidate(UUID.fromString(payload)));
    }

    private void revalidate(UUID meetingId) {
        Set<String> open = rooms.openKeys(meetingId);
        if (open.isEmpty()) {
            return;
        }
        access.valid(meetingId, open).subscribe().with(valid -> rooms.closeRevoked(meetingId, valid),
                failure -> LOG.warn("Could not check keys after a revocation", failure));
    }
}
