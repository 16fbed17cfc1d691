package nl.spiegel.meeting;

/** Where an improvement action stands in the follow-up. */
public enum ActionStatus {
    OPEN, IN_PROGRESS, DONE, DROPPED
}
