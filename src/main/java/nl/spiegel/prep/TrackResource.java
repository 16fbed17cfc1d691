package nl.spiegel.prep;

import static nl.spiegel.live.CommandRequests.required;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.live.CommandRequests;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Milestone;
import nl.spiegel.store.Access;

/**
 * The track planner over REST: the milestones of a meeting from goal to letter, with dates proposed
 * back from the meeting's date, each editable, owned and marked done, also as a calendar file. For
 * the series' organiser and the meeting's moderators; a series' tracks side by side are in
 * {@code nl.spiegel.followup.SeriesTrackResource}.
 */
@Path("/meetings/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrackResource {

    @Inject
    Rooms rooms;

    @Inject
    CommandRequests commands;

    @Inject
    Tracks tracks;

    /** Left out: the proposed date, the usual owner. */
    public record PlanBody(LocalDate due, Milestone.Owner owner) {}

    public record DoneBody(Boolean done) {}

    @GET
    @Path("/track")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "getTrack")
    public Uni<Tracks.TrackView> track(@PathParam("id") UUID id) {
        return rooms.existing(id).map(m -> tracks.view(id, m));
    }

    @PUT
    @Path("/track/{milestone}")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "planMilestone")
    public Uni<Tracks.TrackView> plan(@PathParam("id") UUID id, @PathParam("milestone") Milestone milestone, PlanBody body) {
        PlanBody b = required(body);
        return commands.send(id, new Command.PlanMilestone(milestone, b.due(), b.owner())).map(a -> tracks.view(id, a.meeting()));
    }

    @PUT
    @Path("/track/{milestone}/done")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "markMilestoneDone")
    public Uni<Tracks.TrackView> mark(@PathParam("id") UUID id, @PathParam("milestone") Milestone milestone, DoneBody body) {
        return commands.send(id, new Command.MarkMilestone(milestone, required(body).done())).map(a -> tracks.view(id, a.meeting()));
    }

    @GET
    @Path("/track.ics")
    @Produces(Tracks.CALENDAR)
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "getTrackCalendar")
    public Uni<RestResponse<byte[]>> calendar(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        return track(id).map(view -> tracks.file(List.of(view), lang, "spiegel-track"));
    }
}
