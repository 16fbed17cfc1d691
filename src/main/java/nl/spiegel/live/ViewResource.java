package nl.spiegel.live;

import java.util.EnumSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.access.AccessService;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.EventStore;

/**
 * A role's view of a meeting over plain HTTP, exactly as the live stream has it after its last
 * event: for clients that cannot keep a WebSocket open, and to check a client against the server.
 */
@Path("/meetings/{id}/view")
@Produces(MediaType.APPLICATION_JSON)
public class ViewResource {

    @Inject
    AccessService access;

    @Inject
    EventStore store;

    @Inject
    ObjectMapper json;

    public record RoleView(long seq, Role role, JsonNode view) {}

    @GET
    public Uni<RoleView> view(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization) {
        return access.require(authorization, id, EnumSet.of(Role.MODERATOR, Role.ASSISTANT, Role.LISTENER, Role.DISPLAY))
                .chain(a -> store.load(id).map(meeting -> {
            RoleViews views = RoleViews.of(meeting, meeting.lastAt(), json);
            JsonNode view = switch (a.role()) {
                case MODERATOR, ASSISTANT -> views.moderator;
                case DISPLAY -> views.display;
                case LISTENER -> views.listenerView(a.listenerId(), json);
                case ORGANISER -> throw new IllegalStateException("An organiser has no meeting key");
            };
            return new RoleView(meeting.seq(), a.role(), view);
        }));
    }
}
