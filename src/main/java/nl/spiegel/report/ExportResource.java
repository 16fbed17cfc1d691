package nl.spiegel.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.MeetingCore;
import nl.spiegel.meeting.Recorded;
import nl.spiegel.meeting.Views;
import nl.spiegel.store.Access;
import nl.spiegel.store.EventCodec;
import nl.spiegel.store.EventStore;
import nl.spiegel.meeting.Event;

/** A meeting's data to take away: its turns as CSV, and all of it as JSON for an archive. */
@Path("/meetings/{id}/export")
public class ExportResource {

    @Inject
    Rooms rooms;

    @Inject
    EventStore store;

    @Inject
    Clock clock;

    public record ExportedEvent(long seq, Instant at, String type, Object event) {}

    public record MeetingExport(UUID meetingId, Instant exportedAt, List<ExportedEvent> events, Views.ModeratorView view) {}

    /** Every stretch of speaking: start, end, seat, who, theme, duration in seconds. */
    @GET
    @Path("/turns.csv")
    @Produces("text/csv")
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "exportTurns")
    public Uni<String> turns(@PathParam("id") UUID id) {
        return rooms.meeting(id).map(TurnsCsv::of);
    }

    /**
     * The whole meeting for an archive: its event stream and the moderator's view. The listeners'
     * take-aways and answers leave the stream only aggregated, in the view.
     */
    @GET
    @Path("/meeting.json")
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "exportMeeting")
    public Uni<MeetingExport> export(@PathParam("id") UUID id) {
        return store.eventsAfter(id, 0).map(events -> {
            List<ExportedEvent> exported = new ArrayList<>(events.size());
            Meeting m = Meeting.none();
            for (Recorded r : events) {
                // A listener's take-away beside their id would say who wrote it: the view has them aggregated.
                if (!(r.event() instanceof Event.Anonymous)) {
                    exported.add(new ExportedEvent(r.seq(), r.at(), EventCodec.type(r.event()), r.event()));
                }
                m = MeetingCore.evolve(m, r);
            }
            return new MeetingExport(id, clock.instant(), exported, Views.moderator(m, m.lastAt()));
        });
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
