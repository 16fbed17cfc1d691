package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rejection.Reason.NOTES_FULL;
import static nl.spiegel.meeting.Rules.*;

import java.util.List;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

/** Decides the notes of moderator and assistant; fields left out of an edit keep their value. */
final class NotesDecider {

    private NotesDecider() {}

    static final int MAX_NOTE_LENGTH = 2000;
    /** A whisper is read at a glance during the conversation. */
    static final int MAX_WHISPER_LENGTH = 140;

    static List<Event> decide(Meeting m, Actor actor, Command.Notes command) {
        return switch (command) {
            case AddNote c -> {
                require(m.notes().size() < Meeting.MAX_NOTES, NOTES_FULL);
                String themeId = c.themeId() == null ? m.currentThemeId() : theme(m, c.themeId()).id();
                yield List.of(new NoteAdded("N" + nextId(m), themeId, c.tag() == null ? NoteTag.OTHER : c.tag(),
                        text("text", c.text(), 1, MAX_NOTE_LENGTH), Boolean.TRUE.equals(c.shared()), actor.role()));
            }
            case EditNote c -> {
                Meeting.Note note = note(m, c.noteId(), "noteId");
                yield List.of(new NoteEdited(note.id(), c.tag() == null ? note.tag() : c.tag(),
                        c.text() == null ? note.text() : text("text", c.text(), 1, MAX_NOTE_LENGTH),
                        c.shared() == null ? note.shared() : c.shared()));
            }
            case DeleteNote c -> List.of(new NoteDeleted(note(m, c.noteId(), "noteId").id()));
            case Whisper c -> List.of(new Whispered("W" + nextId(m), actor.role(), text("text", c.text(), 1, MAX_WHISPER_LENGTH)));
        };
    }
}
