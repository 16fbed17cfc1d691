package nl.spiegel.meeting;

/** Why a moderator turns down a clarifying question; the method allows only clarification. */
public enum RejectReason {
    /** It would start a discussion with the participants. */
    STARTS_DISCUSSION,
    /** It brings in a new subject instead of clarifying what was said. */
    NEW_TOPIC,
    TOO_PERSONAL,
    DUPLICATE
}
