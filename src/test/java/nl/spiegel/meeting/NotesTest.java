package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

class NotesTest {

    private static final String NOTE = "N" + NEXT;

    @Test
    void aNoteBelongsToTheCurrentThemeAndIsPrivateUnlessShared() {
        given(inConversation())
                .when(ASSISTANT, new AddNote(null, NoteTag.IMPROVEMENT_POINT, "Wachttijd te lang", null))
                .then(new NoteAdded(NOTE, TOEGANG, NoteTag.IMPROVEMENT_POINT, "Wachttijd te lang", false, Role.ASSISTANT))
                .when(MOD, new AddNote(REGIE, null, "Iets over regie", true))
                .then(new NoteAdded("N" + (NEXT + 1), REGIE, NoteTag.OTHER, "Iets over regie", true, Role.MODERATOR));
    }

    @Test
    void beforeAnyThemeANoteIsAboutTheWholeMeeting() {
        given(prepared()).when(MOD, new AddNote(null, NoteTag.QUOTE, "\"Eindelijk iemand die luistert\"", true))
                .then(new NoteAdded(NOTE, null, NoteTag.QUOTE, "\"Eindelijk iemand die luistert\"", true, Role.MODERATOR));
    }

    @Test
    void editsAndDeletesNotes() {
        Spec s = given(inConversation()).and(new NoteAdded(NOTE, TOEGANG, NoteTag.WISH, "Eén vast aanspreekpunt", false, Role.MODERATOR))
                .after(10).when(MOD, new EditNote(NOTE, null, null, true))
                .then(new NoteEdited(NOTE, NoteTag.WISH, "Eén vast aanspreekpunt", true));
        assertThat(s.state().notes().getFirst().editedAt()).isEqualTo(s.now());
        s.when(MOD, new EditNote(NOTE, NoteTag.STRENGTH, "Vast aanspreekpunt werkt", null))
                .then(new NoteEdited(NOTE, NoteTag.STRENGTH, "Vast aanspreekpunt werkt", true))
                .when(ASSISTANT, new DeleteNote(NOTE)).then(new NoteDeleted(NOTE));
        assertThat(s.state().notes()).isEmpty();
    }

    @Test
    void refusesBadNotes() {
        Spec s = given(inConversation());
        assertThat(s.when(MOD, new AddNote(null, NoteTag.WISH, " ", false)).thenRejected("INVALID").field()).isEqualTo("text");
        assertThat(s.when(MOD, new AddNote(null, NoteTag.WISH, "x".repeat(2001), false)).thenRejected("INVALID").field()).isEqualTo("text");
        s.when(MOD, new AddNote("T999", NoteTag.WISH, "Tekst", false)).thenRejected("UNKNOWN_THEME");
        Rejection nul = s.when(MOD, new AddNote(null, NoteTag.WISH, "Tekst\u0000met nul", false)).thenRejected("INVALID");
        assertThat(nul.field()).isEqualTo("text");
        assertThat(nul.detail()).isEqualTo(new Rejection.Detail.ControlCharacters());
        s.when(MOD, new AddNote(null, NoteTag.WISH, "Regel een\nregel twee\tmet tab", false))
                .then(new NoteAdded("N" + NEXT, TOEGANG, NoteTag.WISH, "Regel een\nregel twee\tmet tab", false, Role.MODERATOR));
        s.when(MOD, new EditNote("N999", null, "Tekst", null)).thenRejected("UNKNOWN_NOTE");
        s.when(MOD, new DeleteNote("N999")).thenRejected("UNKNOWN_NOTE");
        assertThat(s.when(MOD, new EditNote(NOTE, null, "", null)).thenRejected("INVALID").field()).isEqualTo("text");
    }

    @Test
    void aWhisperGoesFromOneFacilitatorToTheOtherAndNoFurther() {
        Spec s = given(inConversation())
                .when(ASSISTANT, new Whisper(" Bram wil iets zeggen "))
                .then(new Whispered("W" + NEXT, Role.ASSISTANT, "Bram wil iets zeggen"))
                .when(MOD, new Whisper("Dank je")).then(new Whispered("W" + (NEXT + 1), Role.MODERATOR, "Dank je"));
        assertThat(Views.moderator(s.state(), s.now()).whispers()).extracting(Meeting.Whisper::from, Meeting.Whisper::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Role.ASSISTANT, "Bram wil iets zeggen"),
                        org.assertj.core.groups.Tuple.tuple(Role.MODERATOR, "Dank je"));
        assertThat(Views.listener(s.state(), ANNA.listenerId(), s.now()).toString()).doesNotContain("Bram wil iets zeggen");
        assertThat(Views.display(s.state(), s.now()).toString()).doesNotContain("Bram wil iets zeggen");
        s.when(ANNA, new Whisper("Hallo")).thenRejected("FORBIDDEN");
        s.when(DISPLAY, new Whisper("Hallo")).thenRejected("FORBIDDEN");
        assertThat(s.when(MOD, new Whisper("x".repeat(141))).thenRejected("INVALID").field()).isEqualTo("text");
    }

    @Test
    void onlyTheLastWhispersAreKept() {
        Spec s = given(inConversation());
        for (int i = 0; i < Meeting.MAX_WHISPERS + 5; i++) {
            s.and(new Whispered("W-" + i, Role.ASSISTANT, "Tijd " + i));
        }
        assertThat(s.state().whispers()).hasSize(Meeting.MAX_WHISPERS);
        assertThat(s.state().whispers().getLast().text()).isEqualTo("Tijd " + (Meeting.MAX_WHISPERS + 4));
        assertThat(Report.of(s.state(), Report.Draft.EMPTY, 0, null).toString()).doesNotContain("Tijd");
    }
}
