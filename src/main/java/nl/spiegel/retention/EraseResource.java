package nl.spiegel.retention;

import java.util.UUID;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.access.Permissions;
import nl.spiegel.store.EventStore;
import nl.spiegel.web.ProblemException;
import nl.spiegel.web.Texts;

/**
 * The moderator erases a meeting at once (export it first). To be sure nobody does this by
 * mistake, the request repeats the meeting's title.
 */
@Path("/meetings/{id}/erase")
public class EraseResource {

    @Inject
    EventStore store;

    @Inject
    Retention retention;

    public record Confirmation(String title) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.MODERATOR)
    public Uni<Void> erase(@PathParam("id") UUID id, Confirmation body) {
        return store.load(id).chain(m -> {
            if (body == null || body.title() == null || !body.title().strip().equals(m.details().title())) {
                throw ProblemException.invalid("title", Texts::repeatTitle);
            }
            return retention.erase(id);
        });
    }
}
