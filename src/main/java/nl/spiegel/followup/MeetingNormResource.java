package nl.spiegel.followup;

import static nl.spiegel.live.CommandRequests.required;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.live.CommandRequests;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.NormStatus;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Views;
import nl.spiegel.prep.MeetingResource;
import nl.spiegel.store.Access;

/**
 * The service norms a meeting can evaluate: those in the registers of the series that hold it. The
 * moderator puts them on the meeting's guide; the norm's text comes from the register, never from
 * the client.
 */
@Path("/meetings/{id}/norms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeetingNormResource {

    @Inject
    NormRegister register;

    @Inject
    CommandRequests commands;

    @Inject
    Clock clock;

    public record ImportBody(UUID normId) {}

    /**
     * The norms a meeting can evaluate; {@code inSeries} tells a meeting in no series (nothing to
     * evaluate yet) from one whose series' register has no norms.
     */
    public record Available(boolean inSeries, List<NormRegister.Norm> norms) {}

    /** The norms of every series that holds this meeting, but those retired. */
    @GET
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "listAvailableNorms")
    public Uni<Available> available(@PathParam("id") UUID id) {
        return register.seriesOf(id).chain(seriesIds -> Multi.createFrom().iterable(seriesIds)
                .onItem().transformToUniAndConcatenate(register::of).collect().asList()
                .map(lists -> new Available(!seriesIds.isEmpty(),
                        lists.stream().flatMap(List::stream).filter(n -> n.status() != NormStatus.RETIRED).toList())));
    }

    @POST
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "importNorm")
    public Uni<MeetingResource.MeetingResponse> importNorm(@PathParam("id") UUID id, ImportBody body) {
        UUID normId = required(body).normId();
        if (normId == null) {
            throw Rejection.invalid("normId", new Rejection.Detail.Needed()).refused();
        }
        return available(id).chain(available -> {
            NormRegister.Norm norm = available.norms().stream().filter(n -> n.id().equals(normId)).findFirst()
                    .orElseThrow(() -> Rejection.Reason.UNKNOWN_NORM.about("normId").refused());
            return commands.send(id, new Command.ImportNorm(norm.id().toString(), norm.text()));
        }).map(applied -> new MeetingResource.MeetingResponse(id, applied.meeting().seq(), normId.toString(),
                Views.moderator(applied.meeting(), clock.instant())));
    }
}
