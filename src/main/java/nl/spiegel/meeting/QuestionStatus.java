package nl.spiegel.meeting;

/** Where a clarifying question stands in the moderator's screening. */
public enum QuestionStatus {
    /** Handed in, not screened yet. */
    WAITING,
    ACCEPTED,
    /** Folded into another question that asks the same. */
    MERGED,
    REJECTED,
    /** Withdrawn by the listener who asked it. */
    WITHDRAWN,
    /** Being asked in the room right now. */
    ASKING,
    ANSWERED;

    /** The statuses in which the listener who asked a question may still take it back. */
    public static final QuestionStatus[] WITHDRAWABLE = {WAITING, ACCEPTED};

    public boolean withdrawable() {
        return this == WAITING || this == ACCEPTED;
    }

    /** In the queue of questions that will be (or were) asked. */
    public boolean inQueue() {
        return this == ACCEPTED || this == ASKING || this == ANSWERED;
    }
}
