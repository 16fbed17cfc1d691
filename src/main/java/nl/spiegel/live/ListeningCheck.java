package nl.spiegel.live;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ready only while this node listens for the events other nodes append: without it, its live
 * clients would miss what was said through another node until it resubscribed.
 */
@Readiness
@ApplicationScoped
public class ListeningCheck implements HealthCheck {

    @Inject
    Rooms rooms;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Events of other nodes (LISTEN)").status(rooms.listening()).build();
    }
}
