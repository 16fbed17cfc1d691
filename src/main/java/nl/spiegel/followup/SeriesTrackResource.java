package nl.spiegel.followup;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.live.Rooms;
import nl.spiegel.prep.Tracks;
import nl.spiegel.store.Access;

/** The tracks of every meeting of a series side by side, and as one calendar file, for its organiser. */
@Path("/series/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesTrackResource {

    @Inject
    Rooms rooms;

    @Inject
    SeriesService series;

    @Inject
    Tracks tracks;

    /** Every meeting of a series that still exists, by date (meetings without one last). */
    public record SeriesTrack(UUID seriesId, String name, List<Tracks.TrackView> meetings) {}

    @GET
    @Path("/track")
    @PermissionsAllowed(Access.ORGANISER)
    @Operation(operationId = "getSeriesTrack")
    public Uni<SeriesTrack> track(@PathParam("id") UUID id) {
        return series.find(id).chain(s -> series.meetings(id)
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(meetingId -> rooms.meeting(meetingId)
                                .map(m -> m.exists() ? tracks.view(meetingId, m) : null))
                        .filter(Objects::nonNull).collect().asList())
                .map(views -> new SeriesTrack(id, s.name(), views.stream()
                        .sorted(Comparator.comparing(Tracks.TrackView::scheduledStart,
                                Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList())));
    }

    @GET
    @Path("/track.ics")
    @Produces(Tracks.CALENDAR)
    @PermissionsAllowed(Access.ORGANISER)
    @Operation(operationId = "getSeriesTrackCalendar")
    public Uni<RestResponse<byte[]>> calendar(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        return track(id).map(track -> tracks.file(track.meetings(), lang, "spiegel-series-track"));
    }
}
