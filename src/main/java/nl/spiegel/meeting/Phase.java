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

    public boolean canMoveTo(Phase target) {
        if (target == null || target == this) {
            return false;
        }
        if (target.ordinal() == ordinal() + 1) {
            return true;
        }
        return switch (this) {
            case LOBBY -> target == PREPARATION;
            case OPENING -> target == LOBBY;
            case CLARIFYING -> target == CONVERSATION;
            case CLOSING -> target == CLARIFYING;
            default -> false;
        };
    }
}
