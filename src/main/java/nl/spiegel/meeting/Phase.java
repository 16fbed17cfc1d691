package nl.spiegel.meeting;

/**
 * The phases of a mirror meeting, in order. A meeting moves forward one phase at a time; a few
 * steps may be taken back (a moderator who moved on too early), the step to {@link #ENDED} never.
 */
public enum Phase {
    PREPARATION, LOBBY, OPENING, CONVERSATION, CLARIFYING, CLOSING, ENDED;

    /** While people talk in the room: turns can be given. */
    public boolean live() {
        return this == OPENING || this == CONVERSATION || this == CLARIFYING || this == CLOSING;
    }

    /** From this phase on, accepted clarifying questions are visible to every listener. */
    public boolean questionsReleased() {
        return compareTo(CLARIFYING) >= 0;
    }

    /** The phase after this one; {@code null} after the end. */
    public Phase next() {
        return this == ENDED ? null : values()[ordinal() + 1];
    }

    /** The phase one step back, for a moderator who moved on too early; {@code null} where there is none. */
    public Phase back() {
        return switch (this) {
            case LOBBY -> PREPARATION;
            case OPENING -> LOBBY;
            case CLARIFYING -> CONVERSATION;
            case CLOSING -> CLARIFYING;
            default -> null;
        };
    }

    /** Whether the step to the next phase cannot be taken back, so the moderator confirms it first. */
    public boolean nextIsFinal() {
        Phase next = next();
        return next != null && next.back() != this;
    }

    public boolean canMoveTo(Phase target) {
        return target != null && (target == next() || target == back());
    }
}
