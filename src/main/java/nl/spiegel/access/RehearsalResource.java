package nl.spiegel.access;

import java.time.Clock;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.live.CommandRequests;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Views;
import nl.spiegel.rehearsal.Rehearsals;
import nl.spiegel.store.Access;

/**
 * A rehearsal ("oefenen"): a practice copy of a meeting's preparation with keys of its own, for the
 * moderator to run on the tablet with simulated listeners ({@link Rehearsals}). It hands out keys,
 * so it lives at the edge; limited per client address as creating a meeting is.
 */
@Path("/meetings/{id}/rehearsal")
@Produces(MediaType.APPLICATION_JSON)
public class RehearsalResource {

    @Inject
    Rooms rooms;

    @Inject
    MeetingKeysResource meetings;

    @Inject
    Rehearsals rehearsals;

    @Inject
    AddressLimits limits;

    @Inject
    HttpServerRequest request;

    @Inject
    Clock clock;

    @POST
    @PermissionsAllowed(Access.MODERATORS)
    @APIResponse(responseCode = "201", description = "Created; Location tells where the practice copy can be fetched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MeetingKeysResource.CreatedMeeting.class)))
    @Operation(operationId = "startRehearsal")
    public Uni<RestResponse<MeetingKeysResource.CreatedMeeting>> rehearse(@PathParam("id") UUID id) {
        limits.take(AddressLimits.Kind.CREATE, request);
        return rooms.counted(id).chain(source -> {
            Meeting.Details d = source.details();
            return meetings.create(new Command.CreateMeeting(d.title(), d.goal(), d.targetGroup(), d.scheduledStart(),
                            d.plannedMinutes(), d.language(), true))
                    .chain(created -> rehearsals.prepare(source, created.id()).map(copy -> CommandRequests.created(
                            "meetings/" + created.id(), new MeetingKeysResource.CreatedMeeting(created.id(), copy.seq(),
                                    created.access(), Views.moderator(copy, clock.instant())))));
        });
    }
}
