package nl.spiegel.meeting;

import static nl.spiegel.meeting.Script.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;

class NotesTest {

    @Test
    void aNoteBelongsToTheCurrentThemeAndIsPrivateUnlessShared() {
        Script s = Script.inConversation();
        s.ok(Actor.ASSISTANT, new AddNote(null, NoteTag.IMPROVEMENT_POINT, "Wachttijd te lang", null));
        Meeting.Note note = s.state.notes().getFirst();
        assertThat(note.themeId()).isEqualTo(s.theme(0));
        assertThat(note.shared()).isFalse();
        assertThat(note.author()).isEqualTo(Role.ASSISTANT);
        s.ok(MOD, new AddNote(s.theme(2), null, "Iets over regie", true));
        assertThat(s.state.notes().getLast()).extracting(Meeting.Note::themeId, Meeting.Note::tag, Meeting.Note::shared)
                .containsExactly(s.theme(2), NoteTag.OTHER, true);
    }

    @Test
    void beforeAnyThemeANoteIsAboutTheWholeMeeting() {
        Script s = Script.prepared();
        s.ok(MOD, new AddNote(null, NoteTag.QUOTE, "\"Eindelijk iemand die luistert\"", true));
        assertThat(s.state.notes().getFirst().themeId()).isNull();
    }

    @Test
    void editsAndDeletesNotes() {
        Script s = Script.inConversation();
        s.ok(MOD, new AddNote(null, NoteTag.WISH, "Eén vast aanspreekpunt", false));
        String id = s.state.notes().getFirst().id();
        s.laterSeconds(10).ok(MOD, new EditNote(id, null, null, true));
        Meeting.Note note = s.state.notes().getFirst();
        assertThat(note.text()).isEqualTo("Eén vast aanspreekpunt");
        assertThat(note.tag()).isEqualTo(NoteTag.WISH);
        assertThat(note.shared()).isTrue();
        assertThat(note.editedAt()).isEqualTo(s.now);
        s.ok(MOD, new EditNote(id, NoteTag.STRENGTH, "Vast aanspreekpunt werkt", null));
        assertThat(s.state.notes().getFirst().tag()).isEqualTo(NoteTag.STRENGTH);
        s.ok(MOD, new DeleteNote(id));
        assertThat(s.state.notes()).isEmpty();
    }

    @Test
    void refusesBadNotes() {
        Script s = Script.inConversation();
        assertThat(s.no(MOD, new AddNote(null, NoteTag.WISH, " ", false), "INVALID").field()).isEqualTo("text");
        assertThat(s.no(MOD, new AddNote(null, NoteTag.WISH, "x".repeat(2001), false), "INVALID").field()).isEqualTo("text");
        s.no(MOD, new AddNote("T999", NoteTag.WISH, "Tekst", false), "UNKNOWN_THEME");
        s.no(MOD, new EditNote("N999", null, "Tekst", null), "UNKNOWN_NOTE");
        s.no(MOD, new DeleteNote("N999"), "UNKNOWN_NOTE");
        s.ok(MOD, new AddNote(null, NoteTag.WISH, "Tekst", false));
        assertThat(s.no(MOD, new EditNote(s.state.notes().getFirst().id(), null, "", null), "INVALID").field()).isEqualTo("text");
    }
}
