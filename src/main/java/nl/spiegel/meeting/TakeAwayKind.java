package nl.spiegel.meeting;

/** What a listener takes home from a meeting. */
public enum TakeAwayKind {
    /** What opened their eyes about the clients' side ("eyeopener"). */
    EYEOPENER,
    /** What they will do differently in their own work. */
    DO_DIFFERENTLY,
    /** Anything else they want to keep. */
    FREE
}
