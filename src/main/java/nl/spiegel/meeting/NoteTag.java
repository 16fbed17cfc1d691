package nl.spiegel.meeting;

/** What a note records; the report groups notes by these tags. */
public enum NoteTag {
    STRENGTH, IMPROVEMENT_POINT, WISH, QUOTE, OTHER
}
