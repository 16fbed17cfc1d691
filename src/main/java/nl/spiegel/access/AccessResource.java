package nl.spiegel.access;

import java.util.List;
import nl.spiegel.store.Access;
import nl.spiegel.meeting.Rejection;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.meeting.Role;

/** The moderator's keys to a meeting: see the join code, rotate a key. */
@Path("/meetings/{id}/access")
@Produces(MediaType.APPLICATION_JSON)
public class AccessResource {

    @Inject
    AccessService access;

    public record JoinInfo(String joinCode, String joinLink) {}

    public record RotatedKey(String role, String key, String link) {}

    /** The display shows the code to the room, so it may read it too. */
    @GET
    @PermissionsAllowed(Access.SCREENS)
    @Operation(operationId = "getAccess")
    public Uni<JoinInfo> joinInfo(@PathParam("id") UUID id) {
        return access.joinCode(id).map(code -> new JoinInfo(code, Links.join(code)));
    }

    /**
     * A new key for the moderator, the assistant or the display ({@code role}), or a new join code
     * ({@code join-code}). Only the moderator may do this; the old key stops working at once.
     */
    @POST
    @Path("/{role}/rotate")
    @PermissionsAllowed(Access.MODERATOR)
    @Operation(operationId = "rotateKey")
    public Uni<RotatedKey> rotate(@PathParam("id") UUID id, @PathParam("role") String role) {
        if ("join-code".equals(role)) {
            return access.rotateJoinCode(id).map(code -> new RotatedKey(role, code, Links.join(code)));
        }
        Role target = switch (role.toLowerCase(Locale.ROOT)) {
            case "moderator" -> Role.MODERATOR;
            case "assistant" -> Role.ASSISTANT;
            case "display" -> Role.DISPLAY;
            default -> throw new Rejection(Rejection.Reason.UNKNOWN_ROLE, "role",
                    new Rejection.Detail.OneOf(List.of("moderator", "assistant", "display", "join-code"))).refused();
        };
        return access.rotate(id, target).map(key -> new RotatedKey(role, key,
                target == Role.DISPLAY ? Links.display(id, key) : Links.moderate(id, key)));
    }
}
