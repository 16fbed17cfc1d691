package nl.spiegel.meeting;

import java.time.Instant;
import java.util.List;

/** The outcome of {@link MeetingCore#decide}: events to append at a time, or a rejection. */
public sealed interface Decision {

    /** Accepted. No events means the command changed nothing (a second tap on the same seat). */
    record Accepted(List<Event> events, Instant at) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection rejection) implements Decision {}
}
