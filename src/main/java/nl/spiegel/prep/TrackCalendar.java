package nl.spiegel.prep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import nl.spiegel.meeting.Milestone;
import nl.spiegel.meeting.Track;
import nl.spiegel.words.Texts;
import nl.spiegel.words.Wording;

/**
 * The track's milestones as a calendar file (RFC 5545): one all-day event per milestone with a date,
 * named with the meeting's title, its owner in the description. Each event keeps its UID, so a
 * calendar that imports the file again updates the events instead of doubling them.
 */
final class TrackCalendar {

    private TrackCalendar() {}

    static byte[] of(List<Tracks.TrackView> meetings, Texts texts, Instant now) {
        Calendar calendar = new Calendar().add(new ProdId("-//Spiegel//Track//NL"))
                .add(ImmutableVersion.VERSION_2_0).add(new CalScale(CalScale.VALUE_GREGORIAN));
        for (Tracks.TrackView meeting : meetings) {
            for (Track.Step step : meeting.steps()) {
                if (step.due() == null) {
                    continue;
                }
                String description = (step.owner() == Milestone.Owner.MODERATOR ? texts.ownerModerator() : texts.ownerOrganisation())
                        + (step.doneAt() != null ? "\n" + texts.milestoneDone() : "");
                VEvent event = new VEvent(step.due(), Wording.of(texts, step.milestone()) + " – " + meeting.title())
                        .add(new Uid(meeting.meetingId() + "-" + step.milestone().name().toLowerCase(Locale.ROOT) + "@spiegel"))
                        .add(new DtStamp(now))
                        .add(new Description(description));
                calendar.add(event);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the track as a calendar", e);
        }
        return out.toByteArray();
    }
}
