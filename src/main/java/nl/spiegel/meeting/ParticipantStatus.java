package nl.spiegel.meeting;

/**
 * Where a participant stands, from being asked to the meeting itself. Recruiting runs
 * {@code INVITED → CONFIRMED → INFORMED}; on the day the moderator marks {@code PRESENT} or
 * {@code NO_SHOW}; a participant may decline ({@code CANCELLED}) at any time before the meeting opens.
 */
public enum ParticipantStatus {
    INVITED, CONFIRMED, INFORMED, PRESENT, NO_SHOW, CANCELLED;

    /** Expected or there: such a participant keeps a seat in the circle (when one is free). */
    public boolean seated() {
        return this != NO_SHOW && this != CANCELLED;
    }

    /** Said yes: counts towards the participants the meeting needs. */
    public boolean confirmed() {
        return this == CONFIRMED || this == INFORMED || this == PRESENT;
    }

    /** A status of the recruiting before the meeting opens, rather than of the day itself. */
    public boolean recruiting() {
        return this == INVITED || this == CONFIRMED || this == INFORMED || this == CANCELLED;
    }
}
