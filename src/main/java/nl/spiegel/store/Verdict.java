package nl.spiegel.store;

import java.time.Instant;
import java.util.List;

import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Recorded;
import nl.spiegel.meeting.Rejection;

/** What the core decided about a command, as the {@link EventStore} keeps it. */
public sealed interface Verdict {

    /** Refused: remembered for the command's id, so a retry gets the same answer. */
    record Refused(Rejection rejection) implements Verdict {}

    /** Accepted without a change (it asked for what already was): remembered with the seq it saw. */
    record Unchanged() implements Verdict {}

    /**
     * Accepted with new events, decided {@code at}; {@code after} is the meeting with them folded in
     * (the store keeps its summary row).
     */
    record Append(Instant at, List<Recorded> events, Meeting after) implements Verdict {}
}
