package nl.spiegel.access;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import nl.spiegel.followup.FollowUpLinks;
import nl.spiegel.live.Rooms;
import nl.spiegel.store.Notifications;

/**
 * A revoked key stops working at once, also on open connections: when a key of a meeting is revoked
 * (a rotated link, a removed listener, a follow-up link renewed or revoked), every node checks the keys of its open connections to that
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
    FollowUpLinks followUpLinks;

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
        Uni.combine().all().unis(access.valid(meetingId, open), followUpLinks.valid(meetingId, open)).asTuple()
                .map(both -> {
                    Set<String> valid = new HashSet<>(both.getItem1());
                    valid.addAll(both.getItem2());
                    return valid;
                })
                .subscribe().with(valid -> rooms.closeRevoked(meetingId, valid),
                        failure -> LOG.warn("Could not check keys after a revocation", failure));
    }
}
