package nl.spiegel.store;

/**
 * A command id seen before, as {@code meeting_command} keeps it: the events it appended
 * ({@code firstSeq} to {@code lastSeq}, none when {@code lastSeq < firstSeq}) or its rejection as JSON.
 */
record CommandRow(long firstSeq, long lastSeq, String rejection) {}
