package nl.spiegel.prep;

import static nl.spiegel.live.CommandRequests.required;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import nl.spiegel.meeting.Event;
import nl.spiegel.meeting.Nullable;
import nl.spiegel.meeting.ParticipantStatus;
import nl.spiegel.meeting.Recruitment;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Views;
import nl.spiegel.store.Access;

/**
 * Recruiting the participants over REST, by the organiser of the series or the moderators: places
 * with a pseudonym and a status, the gift, the cross-section of the target group and its coverage.
 * No field takes contact data; the core refuses a value that looks like it. On the day the moderator
 * marks who came with the same status change.
 */
@Path("/meetings/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecruitmentResource {

    @Inject
    Rooms rooms;

    @Inject
    CommandRequests commands;

    /** The recruitment after a change, with the id of a place it just made, if any. */
    public record RecruitmentResponse(UUID id, long seq, @Nullable String createdId, Views.RecruitmentView recruitment) {}

    /** Fields left out: invited (present once the meeting opened), the first free seat, no gift, no profile. */
    public record PlaceBody(String pseudonym, Integer seat, ParticipantStatus status, Boolean gift, Map<String, String> profile) {}

    public record StatusBody(ParticipantStatus status, Integer seat) {}

    public record CrossSectionBody(List<Recruitment.Category> categories) {}

    @GET
    @Path("/recruitment")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "getRecruitment")
    public Uni<Views.RecruitmentView> recruitment(@PathParam("id") UUID id) {
        return rooms.existing(id).map(Views::recruitment);
    }

    @PUT
    @Path("/cross-section")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "setCrossSection")
    public Uni<RecruitmentResponse> setCrossSection(@PathParam("id") UUID id, CrossSectionBody body) {
        return send(id, new Command.SetCrossSection(required(body).categories()));
    }

    @POST
    @Path("/participants")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @APIResponse(responseCode = "201", description = "Created; Location tells where it can be fetched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecruitmentResponse.class)))
    @Operation(operationId = "addParticipant")
    public Uni<RestResponse<RecruitmentResponse>> add(@PathParam("id") UUID id, PlaceBody body) {
        PlaceBody b = required(body);
        return send(id, new Command.AddParticipant(b.pseudonym(), b.seat(), b.status(), b.gift(), b.profile()))
                .map(r -> CommandRequests.created("meetings/" + id + "/participants/" + r.createdId(), r));
    }

    @GET
    @Path("/participants/{participantId}")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "getParticipant")
    public Uni<Views.Place> place(@PathParam("id") UUID id, @PathParam("participantId") String participantId) {
        return recruitment(id).map(view -> view.places().stream().filter(p -> p.id().equals(participantId)).findFirst()
                .orElseThrow(() -> Rejection.Reason.UNKNOWN_PARTICIPANT.about("participantId").refused()));
    }

    /** Fields left out keep their value. */
    @PUT
    @Path("/participants/{participantId}")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "editParticipant")
    public Uni<RecruitmentResponse> edit(@PathParam("id") UUID id, @PathParam("participantId") String participantId,
                                         PlaceBody body) {
        PlaceBody b = required(body);
        return send(id, new Command.EditParticipant(participantId, b.pseudonym(), b.seat(), b.gift(), b.profile()));
    }

    @PUT
    @Path("/participants/{participantId}/status")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "setParticipantStatus")
    public Uni<RecruitmentResponse> setStatus(@PathParam("id") UUID id, @PathParam("participantId") String participantId,
                                              StatusBody body) {
        StatusBody b = required(body);
        return send(id, new Command.SetParticipantStatus(participantId, b.status(), b.seat()));
    }

    @DELETE
    @Path("/participants/{participantId}")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "removeParticipant")
    public Uni<RecruitmentResponse> remove(@PathParam("id") UUID id, @PathParam("participantId") String participantId) {
        return send(id, new Command.RemoveParticipant(participantId));
    }

    private Uni<RecruitmentResponse> send(UUID id, Command command) {
        return commands.send(id, command).map(applied -> new RecruitmentResponse(id, applied.meeting().seq(),
                applied.events().stream().map(r -> r.event() instanceof Event.ParticipantAdded e ? e.participantId() : null)
                        .filter(Objects::nonNull).findFirst().orElse(null),
                Views.recruitment(applied.meeting())));
    }
}
