package nl.spiegel.prep;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.resteasy.reactive.RestResponse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.SpiegelConfig;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Nullable;
import nl.spiegel.meeting.Phase;
import nl.spiegel.meeting.Track;
import nl.spiegel.words.Wording;

/** Tracks as the planner shows them, today, in the server's time zone; and as a calendar file. */
@ApplicationScoped
public class Tracks {

    public static final String CALENDAR = "text/calendar";

    @Inject
    SpiegelConfig config;

    @Inject
    Clock clock;

    /** One meeting's track: its milestones in order, each with its status today. */
    public record TrackView(UUID meetingId, String title, @Nullable Instant scheduledStart, Phase phase, List<Track.Step> steps) {}

    public TrackView view(UUID id, Meeting m) {
        return new TrackView(id, m.details().title(), m.details().scheduledStart(), m.phase(),
                Track.steps(m, config.timeZone(), clock.instant()));
    }

    /** The tracks as a calendar file to download, its words in {@code lang}. */
    public RestResponse<byte[]> file(List<TrackView> meetings, String lang, String name) {
        return RestResponse.ResponseBuilder.ok(TrackCalendar.of(meetings, Wording.in(lang), clock.instant()), CALENDAR + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".ics\"").build();
    }
}
