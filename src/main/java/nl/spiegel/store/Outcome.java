package nl.spiegel.store;

import java.util.List;

import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Recorded;
import nl.spiegel.meeting.Rejection;

/** What became of a command sent to the {@link EventStore}. */
public sealed interface Outcome {

    /**
     * Committed. {@code events} are the events the command appended (none when it changed
     * nothing); {@code duplicate} when the command id was seen before and this is its first result;
     * {@code seq} is what the ack names: the command's last event, or the meeting's seq when it
     * appended nothing, the same on every repeat.
     */
    record Applied(Meeting meeting, List<Recorded> events, boolean duplicate, long seq) implements Outcome {}

    record Rejected(Rejection rejection) implements Outcome {}
}
