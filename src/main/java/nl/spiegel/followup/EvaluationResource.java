package nl.spiegel.followup;

import static nl.spiegel.live.CommandRequests.required;

import java.time.Clock;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.live.CommandRequests;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Debrief;
import nl.spiegel.store.Access;

/**
 * The debrief of a meeting for its moderators and the series' organiser: what the listeners took
 * home and how they perceived the participation (aggregated, from three on), the participants'
 * evaluation; the link for the evaluation card; and paper cards typed in.
 */
@Path("/meetings/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    @Inject
    Rooms rooms;

    @Inject
    CommandRequests commands;

    @Inject
    EvaluationCards cards;

    @Inject
    Clock clock;

    /** Where the evaluation card's QR code leads: a page for participants, no key needed. */
    public record EvaluationCard(String path) {}

    public record WindowBody(Integer days) {}

    public record IncludeBody(Boolean include) {}

    @GET
    @Path("/debrief")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "getDebrief")
    public Uni<Debrief.DebriefView> debrief(@PathParam("id") UUID id) {
        return rooms.counted(id).map(m -> Debrief.view(m, clock.instant()));
    }

    @PUT
    @Path("/debrief/window")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "setEvaluationWindow")
    public Uni<Debrief.DebriefView> window(@PathParam("id") UUID id, WindowBody body) {
        return commands.send(id, new Command.SetTakeAwayWindow(required(body).days()))
                .map(a -> Debrief.view(a.meeting(), clock.instant()));
    }

    /** Whether the report has the appendix of what the listeners took home. */
    @PUT
    @Path("/debrief/in-report")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "setDebriefInReport")
    public Uni<Debrief.DebriefView> include(@PathParam("id") UUID id, IncludeBody body) {
        return commands.send(id, new Command.IncludeTakeAways(required(body).include()))
                .map(a -> Debrief.view(a.meeting(), clock.instant()));
    }

    @GET
    @Path("/evaluation/card")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "getEvaluationCard")
    public Uni<EvaluationCard> card(@PathParam("id") UUID id) {
        return rooms.counted(id).chain(m -> cards.token(id)).map(token -> new EvaluationCard("/evaluate/" + token));
    }

    /** A paper card typed in by the moderator or the assistant. */
    @POST
    @Path("/evaluation")
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "addPaperEvaluation")
    public Uni<Debrief.DebriefView> paper(@PathParam("id") UUID id, Command.GiveEvaluation body) {
        return commands.send(id, required(body)).map(a -> Debrief.view(a.meeting(), clock.instant()));
    }
}
