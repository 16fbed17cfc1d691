package nl.spiegel.meeting;

import java.time.Instant;

/** An event as it stands in a meeting's stream: its gap-free sequence number and its time. */
public record Recorded(long seq, Instant at, Event event) {}
