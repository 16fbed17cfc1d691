package nl.spiegel.retention;

import java.util.EnumSet;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.access.AccessService;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.EventStore;
import nl.spiegel.web.ProblemException;

/**
 * The moderator erases a meeting at once (export it first). To be sure nobody does this by
 * mistake, the request repeats the meeting's title.
 */
@Path("/meetings/{id}/erase")
public class EraseResource {

    @Inject
    AccessService access;

    @Inject
    EventStore store;

    @Inject
    Retention retention;

    public record Confirmation(String title) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Void> erase(@PathParam("id") UUID id, Confirmation body, @HeaderParam("Authorization") String authorization) {
        return access.require(authorization, id, EnumSet.of(Role.MODERATOR)).chain(a -> store.load(id)).chain(m -> {
            if (body == null || body.title() == null || !body.title().strip().equals(m.details().title())) {
                throw new ProblemException(400, Rejection.invalid("title", "repeat the meeting's title to erase it.",
                        "herhaal de titel van het gesprek om het te wissen."));
            }
            return retention.erase(id);
        });
    }
}
