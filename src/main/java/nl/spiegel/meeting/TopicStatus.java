package nl.spiegel.meeting;

/** A topic a listener handed in before the meeting, as the moderator folds it into the guide. */
public enum TopicStatus {
    NEW, ADOPTED, SET_ASIDE
}
