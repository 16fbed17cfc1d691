package nl.spiegel.access;

import static nl.spiegel.live.CommandRequests.required;

import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.followup.NormRegister;
import nl.spiegel.followup.SeriesService;
import nl.spiegel.live.CommandRequests;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Role;
import nl.spiegel.meeting.Rules;
import nl.spiegel.store.Access;
import nl.spiegel.live.Rooms;

/**
 * Creating a series (open to anyone, answered with its organiser's key, shown this once) and adding
 * a meeting to it, with that meeting's moderator key: proof that whoever adds it may. Creating is
 * limited per client address ({@link AddressLimits}). The series itself is the follow-up's
 * ({@code nl.spiegel.followup.SeriesResource}).
 */
@Path("/series")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SeriesKeysResource {

    @Inject
    AccessService access;

    @Inject
    SeriesService series;

    @Inject
    Rooms rooms;

    @Inject
    NormRegister norms;

    @Inject
    CommandRequests commands;

    @Inject
    AddressLimits limits;

    @Inject
    HttpServerRequest request;

    public record SeriesBody(String name, String description) {}

    public record Created(UUID id, String organiserKey, String link) {}

    public record AddMeeting(String meetingKey) {}

    /** A norm of another series, named with that series' organiser key: proof that it may be taken over. */
    public record CarryNorm(UUID normId, String seriesKey) {}

    @POST
    @PermitAll
    @APIResponse(responseCode = "201", description = "Created; Location tells where it can be fetched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Created.class)))
    @Operation(operationId = "createSeries")
    public Uni<RestResponse<Created>> createSeries(SeriesBody body) {
        SeriesBody b = required(body);
        String name = b.name() == null ? "" : b.name().strip();
        String description = b.description() == null || b.description().isBlank() ? null : b.description().strip();
        Rules.textProblem("name", name, 1, 200)
                .or(() -> description == null ? Optional.empty() : Rules.textProblem("description", description, 1, 2000))
                .ifPresent(problem -> {
                    throw problem.refused();
                });
        limits.take(AddressLimits.Kind.CREATE, request);
        UUID id = UUID.randomUUID();
        return access.createSeries(id, name, description, commands.idempotencyKey())
                .map(key -> CommandRequests.created("series/" + id, new Created(id, key, Links.organise(id, key))));
    }

    @POST
    @Path("/{id}/meetings")
    @PermissionsAllowed(Access.ORGANISER)
    @Operation(operationId = "addMeetingToSeries")
    public Uni<SeriesService.Overview> addMeeting(@PathParam("id") UUID id, AddMeeting body) {
        if (body == null || body.meetingKey() == null) {
            throw Rejection.invalid("meetingKey", new Rejection.Detail.Needed()).refused();
        }
        return access.authenticate(body.meetingKey())
                .chain(meetingAccess -> {
                    if (meetingAccess == null || meetingAccess.role() != Role.MODERATOR) {
                        throw new Rejection(Rejection.Reason.FORBIDDEN, "meetingKey",
                                new Rejection.Detail.NotAModeratorKey()).refused();
                    }
                    return rooms.counted(meetingAccess.meetingId()).chain(m -> series.add(id, meetingAccess.meetingId()));
                })
                .chain(() -> series.overview(id));
    }

    /**
     * Carries a service norm of another series of the same organisation into this one, with its
     * wording, status and sources; the new norm says where it came from.
     */
    @POST
    @Path("/{id}/carried-norms")
    @PermissionsAllowed(Access.ORGANISER)
    @APIResponse(responseCode = "201", description = "Created; Location tells where it can be fetched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NormRegister.Norm.class)))
    @Operation(operationId = "carryNorm")
    public Uni<RestResponse<NormRegister.Norm>> carryNorm(@PathParam("id") UUID id, CarryNorm body) {
        CarryNorm b = required(body);
        if (b.normId() == null || b.seriesKey() == null) {
            throw Rejection.invalid(b.normId() == null ? "normId" : "seriesKey", new Rejection.Detail.Needed()).refused();
        }
        return access.organiserOf(b.seriesKey()).chain(from -> {
            if (from == null || from.equals(id)) {
                throw new Rejection(Rejection.Reason.FORBIDDEN, "seriesKey", null).refused();
            }
            return norms.find(from, b.normId());
        }).chain(norm -> norms.create(id, norm.text(), norm.status(), Role.ORGANISER, norm.sources(), norm.id()))
                .map(norm -> CommandRequests.created("series/" + id + "/norms/" + norm.id(), norm));
    }
}
