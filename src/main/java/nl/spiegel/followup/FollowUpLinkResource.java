package nl.spiegel.followup;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.Nullable;
import nl.spiegel.store.Access;

/**
 * The link to a meeting's follow-up page, made, renewed and revoked by its moderators and the
 * series' organiser (the page itself: {@link FollowUpResource}). A new link revokes the one before.
 */
@Path("/meetings/{id}/followup-link")
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpLinkResource {

    @Inject
    FollowUpLinks links;

    @Inject
    Rooms rooms;

    /** The link that works now: {@code token} and {@code link} are absent when there is none. */
    public record LinkState(@Nullable String token, @Nullable String link, @Nullable Instant createdAt) {

        static LinkState of(FollowUpLinks.Link link) {
            return link == null ? new LinkState(null, null, null)
                    : new LinkState(link.token(), "/followup/" + link.token(), link.createdAt());
        }
    }

    @GET
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "getFollowUpLink")
    public Uni<LinkState> link(@PathParam("id") UUID id) {
        return links.current(id).map(LinkState::of);
    }

    @POST
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "renewFollowUpLink")
    public Uni<LinkState> renew(@PathParam("id") UUID id) {
        return rooms.existing(id).chain(m -> links.renew(id)).map(LinkState::of);
    }

    @DELETE
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "revokeFollowUpLink")
    public Uni<LinkState> revoke(@PathParam("id") UUID id) {
        return links.revoke(id).map(ignored -> LinkState.of(null));
    }
}
