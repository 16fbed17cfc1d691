package nl.spiegel.meeting;

/** Who acts on a meeting. The role decides which commands are allowed and which view is sent. */
public enum Role {
    MODERATOR, ASSISTANT, LISTENER, DISPLAY,
    /** Follows the actions of a series of meetings; has no live view. */
    ORGANISER,
    /**
     * Reads the public part of the follow-up (participants, the client council): what was done with
     * the clients' input. Sends nothing.
     */
    PUBLIC;

    /** Moderator and assistant have the same controls. */
    public boolean moderates() {
        return this == MODERATOR || this == ASSISTANT;
    }
}
