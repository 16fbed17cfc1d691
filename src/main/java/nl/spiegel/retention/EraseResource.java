package nl.spiegel.retention;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.store.Access;

/**
 * The moderator erases a meeting at once (export it first). To be sure nobody does this by
 * mistake, the request repeats the meeting's title.
 */
@Path("/meetings/{id}/erase")
public class EraseResource {

    @Inject
    Rooms rooms;

    @Inject
    Retention retention;

    public record Confirmation(String title) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Access.MODERATOR)
    @Operation(operationId = "eraseMeeting")
    public Uni<Void> erase(@PathParam("id") UUID id, Confirmation body) {
        return rooms.meeting(id).chain(m -> {
            if (body == null || body.title() == null || !body.title().strip().equals(m.details().title())) {
                throw Rejection.invalid("title", new Rejection.Detail.RepeatTitle()).refused();
            }
            return retention.erase(id);
        });
    }
}
