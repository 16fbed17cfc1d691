package nl.spiegel.prep;

import static nl.spiegel.live.CommandRequests.required;

import java.time.Clock;
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
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Nullable;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.TopicStatus;
import nl.spiegel.meeting.Views;
import nl.spiegel.store.Access;
import nl.spiegel.store.Outcome;

/**
 * Preparing a meeting over REST: its facts, house rules and conversation guide (the participants:
 * {@link RecruitmentResource}). Every
 * change is a command to the meeting core, sent by {@link CommandRequests}, with the moderator's or
 * the assistant's key. (Creating a meeting hands out its keys: {@code nl.spiegel.access.MeetingKeysResource}.)
 */
@Path("/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeetingResource {

    @Inject
    Rooms rooms;

    @Inject
    Clock clock;

    @Inject
    CommandRequests commands;

    /** The moderator's view of a meeting, with the id of what a request just made, if any. */
    public record MeetingResponse(UUID id, long seq, @Nullable String createdId, Views.ModeratorView meeting) {}

    public record ThemeBody(String title, String centralQuestion, Integer minutes) {}

    public record PositionBody(Integer position) {}

    public record TopicsOpenBody(Boolean open) {}

    /** An adopted topic may name the theme where it is taken up. */
    public record TopicStatusBody(TopicStatus status, String themeId) {}

    public record JoiningBody(Boolean open, Integer listenerLimit) {}

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "getMeeting")
    public Uni<MeetingResponse> get(@PathParam("id") UUID id) {
        return rooms.existing(id).map(meeting -> response(id, meeting, null));
    }

    private Uni<Views.ModeratorView> view(UUID id) {
        return rooms.existing(id).map(meeting -> Views.moderator(meeting, clock.instant()));
    }

    @PUT
    @Path("/{id}")
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "updateMeetingDetails")
    public Uni<MeetingResponse> updateDetails(@PathParam("id") UUID id, Command.UpdateDetails body) {
        return send(id, required(body));
    }

    @PUT
    @Path("/{id}/house-rules")
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "setHouseRules")
    public Uni<MeetingResponse> setHouseRules(@PathParam("id") UUID id, Command.SetHouseRules body) {
        return send(id, required(body));
    }

    @POST
    @Path("/{id}/themes")
    @PermissionsAllowed(Access.MODERATORS)
    @APIResponse(responseCode = "201", description = "Created; Location tells where it can be fetched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingResponse.class)))
    @Operation(operationId = "addTheme")
    public Uni<RestResponse<MeetingResponse>> addTheme(@PathParam("id") UUID id, ThemeBody body) {
        ThemeBody b = required(body);
        return send(id, new Command.AddTheme(b.title(), b.centralQuestion(), b.minutes()))
                .map(r -> created("meetings/" + id + "/themes/" + r.createdId(), r));
    }

    @GET
    @Path("/{id}/themes/{themeId}")
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "getTheme")
    public Uni<Views.ThemeProgress> theme(@PathParam("id") UUID id, @PathParam("themeId") String themeId) {
        return view(id).map(view -> view.guide().stream().filter(t -> t.id().equals(themeId)).findFirst()
                .orElseThrow(() -> Rejection.Reason.UNKNOWN_THEME.about("themeId").refused()));
    }

    @PUT
    @Path("/{id}/themes/{themeId}")
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "editTheme")
    public Uni<MeetingResponse> editTheme(@PathParam("id") UUID id, @PathParam("themeId") String themeId, ThemeBody body) {
        ThemeBody b = required(body);
        return send(id, new Command.EditTheme(themeId, b.title(), b.centralQuestion(), b.minutes()));
    }

    @PUT
    @Path("/{id}/themes/{themeId}/position")
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "moveTheme")
    public Uni<MeetingResponse> moveTheme(@PathParam("id") UUID id, @PathParam("themeId") String themeId, PositionBody body) {
        return send(id, new Command.MoveTheme(themeId, required(body).position()));
    }

    @DELETE
    @Path("/{id}/themes/{themeId}")
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "removeTheme")
    public Uni<MeetingResponse> removeTheme(@PathParam("id") UUID id, @PathParam("themeId") String themeId) {
        return send(id, new Command.RemoveTheme(themeId));
    }

    @PUT
    @Path("/{id}/topics-open")
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "setTopicsOpen")
    public Uni<MeetingResponse> setTopicsOpen(@PathParam("id") UUID id, TopicsOpenBody body) {
        return send(id, new Command.SetTopicsOpen(required(body).open()));
    }

    @PUT
    @Path("/{id}/topics/{topicId}/status")
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "setTopicStatus")
    public Uni<MeetingResponse> setTopicStatus(@PathParam("id") UUID id, @PathParam("topicId") String topicId,
                                               TopicStatusBody body) {
        return send(id, new Command.SetTopicStatus(topicId, required(body).status(), body.themeId()));
    }

    @PUT
    @Path("/{id}/joining")
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "setJoining")
    public Uni<MeetingResponse> setJoining(@PathParam("id") UUID id, JoiningBody body) {
        JoiningBody b = required(body);
        return send(id, new Command.SetJoining(b.open(), b.listenerLimit()));
    }

    private Uni<MeetingResponse> send(UUID id, Command command) {
        return commands.send(id, command).map(applied -> response(id, applied.meeting(), createdId(applied)));
    }

    private MeetingResponse response(UUID id, Meeting meeting, String createdId) {
        return new MeetingResponse(id, meeting.seq(), createdId, Views.moderator(meeting, clock.instant()));
    }

    private static String createdId(Outcome.Applied applied) {
        for (var recorded : applied.events()) {
            switch (recorded.event()) {
                case Event.ThemeAdded e -> {
                    return e.themeId();
                }
                default -> {
                }
            }
        }
        return null;
    }

    private static RestResponse<MeetingResponse> created(String path, MeetingResponse response) {
        return CommandRequests.created(path, response);
    }
}
