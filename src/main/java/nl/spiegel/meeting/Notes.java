package nl.spiegel.meeting;

import static nl.spiegel.meeting.Lists.*;
import static nl.spiegel.meeting.Rejection.Reason.NOTES_FULL;
import static nl.spiegel.meeting.Rules.*;

import java.time.Instant;
import java.util.List;

import nl.spiegel.meeting.Command.AddNote;
import nl.spiegel.meeting.Command.DeleteNote;
import nl.spiegel.meeting.Command.EditNote;
import nl.spiegel.meeting.Command.Whisper;
import nl.spiegel.meeting.Event.NoteAdded;
import nl.spiegel.meeting.Event.NoteDeleted;
import nl.spiegel.meeting.Event.NoteEdited;
import nl.spiegel.meeting.Event.Whispered;
import nl.spiegel.meeting.Meeting.Note;

/**
 * The notes section: what the moderator and the assistant write down (fields left out of an edit keep
 * their value), and the whispers between them, of which only the last {@value Meeting#MAX_WHISPERS}
 * are kept.
 */
public record Notes(List<Note> notes, List<Meeting.Whisper> whispers) {

    static final Notes EMPTY = new Notes(List.of(), List.of());

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
                Note note = note(m, c.noteId(), "noteId");
                yield List.of(new NoteEdited(note.id(), c.tag() == null ? note.tag() : c.tag(),
                        c.text() == null ? note.text() : text("text", c.text(), 1, MAX_NOTE_LENGTH),
                        c.shared() == null ? note.shared() : c.shared()));
            }
            case DeleteNote c -> List.of(new NoteDeleted(note(m, c.noteId(), "noteId").id()));
            case Whisper c -> List.of(new Whispered("W" + nextId(m), actor.role(), text("text", c.text(), 1, MAX_WHISPER_LENGTH)));
        };
    }

    static Meeting evolve(Meeting m, Event.Notes event, Instant at) {
        Notes n = m.notebook();
        return switch (event) {
            case NoteAdded e -> m.with(new Notes(added(n.notes(),
                    new Note(e.noteId(), e.themeId(), e.tag(), e.text(), e.shared(), e.author(), at, null)), n.whispers()));
            case NoteEdited e -> m.with(new Notes(replaced(n.notes(), o -> o.id().equals(e.noteId()),
                    o -> new Note(o.id(), o.themeId(), e.tag(), e.text(), e.shared(), o.author(), o.at(), at)), n.whispers()));
            case NoteDeleted e -> m.with(new Notes(removed(n.notes(), o -> o.id().equals(e.noteId())), n.whispers()));
            case Whispered e -> {
                List<Meeting.Whisper> whispers = added(n.whispers(), new Meeting.Whisper(e.whisperId(), e.from(), e.text(), at));
                yield m.with(new Notes(n.notes(), whispers.size() > Meeting.MAX_WHISPERS
                        ? List.copyOf(whispers.subList(whispers.size() - Meeting.MAX_WHISPERS, whispers.size())) : whispers));
            }
        };
    }
}
