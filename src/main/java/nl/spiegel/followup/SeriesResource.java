package nl.spiegel.followup;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.store.Access;

/**
 * A series of meetings (for example "clients 2027: citizens" and "entrepreneurs"): its meetings,
 * their improvement points side by side, and the progress of every action with its history. Open
 * with the organiser's link of the series. (Creating a series and adding a meeting hand out and take
 * in keys: {@code nl.spiegel.access.SeriesKeysResource}.)
 */
@Path("/series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {

    @Inject
    SeriesService series;

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Access.ORGANISER)
    @Operation(operationId = "getSeries")
    public Uni<SeriesService.Overview> overview(@PathParam("id") UUID id) {
        return series.overview(id);
    }
}
