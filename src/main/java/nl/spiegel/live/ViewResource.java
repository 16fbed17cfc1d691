package nl.spiegel.live;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.meeting.Role;
import nl.spiegel.meeting.Views;
import nl.spiegel.store.Access;
import nl.spiegel.store.Caller;

/**
 * A role's view of a meeting over plain HTTP, made after its last event: for clients that cannot
 * keep a WebSocket open, and to check a client against the server (a live client holds the same but
 * for the seq and time, when the last events changed nothing its role sees).
 */
@Path("/meetings/{id}/view")
@Produces(MediaType.APPLICATION_JSON)
public class ViewResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    Rooms rooms;

    /** A role's view with its seq: the moderator's (also the assistant's), a listener's, or the display's. */
    public record RoleView(long seq, Role role,
                           @Schema(oneOf = {Views.ModeratorView.class, Views.ListenerView.class, Views.DisplayView.class})
                           Object view) {}

    @GET
    @PermissionsAllowed(Access.ANY_KEY)
    @Operation(operationId = "getView")
    public Uni<RoleView> view(@PathParam("id") UUID id) {
        Access a = Caller.access(identity);
        return rooms.meeting(id).map(meeting -> {
            Object view = switch (a.role()) {
                case MODERATOR, ASSISTANT -> Views.moderator(meeting, meeting.lastAt());
                case DISPLAY -> Views.display(meeting, meeting.lastAt());
                case LISTENER -> Views.listener(meeting, a.listenerId(), meeting.lastAt());
                case ORGANISER, PUBLIC -> throw new IllegalStateException("No meeting view for " + a.role());
            };
            return new RoleView(meeting.seq(), a.role(), view);
        });
    }
}
