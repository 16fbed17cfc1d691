package nl.spiegel.meeting;

import static nl.spiegel.meeting.Script.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;

class ViewsTest {

    @Test
    void theModeratorSeesEverything() {
        Script s = Script.inConversation();
        s.ok(MOD, new GiveFloor(s.participant("Anouk")));
        s.ok(MOD, new AddNote(null, NoteTag.WISH, "Privé", false));
        s.ok(ANNA, new SubmitQuestion("Vraag", null, null));
        s.laterSeconds(30);
        Views.ModeratorView view = Views.moderator(s.state, s.now);
        assertThat(view.participants()).hasSize(4);
        assertThat(view.participants().getFirst().speakingMs()).isEqualTo(30_000);
        assertThat(view.speaker().participantId()).isEqualTo(s.participant("Anouk"));
        assertThat(view.notes()).hasSize(1);
        assertThat(view.questions().getFirst().listenerName()).isEqualTo("Anna");
        assertThat(view.listeners()).isEqualTo(2);
        assertThat(view.guide().getFirst().spentMs()).isEqualTo(30_000);
    }

    @Test
    void aListenerSeesWhoSpeaksButNoStatisticsNorPrivateNotes() {
        Script s = Script.inConversation();
        s.ok(MOD, new GiveFloor(s.participant("Bram")));
        s.ok(MOD, new AddNote(null, NoteTag.WISH, "Privé", false));
        s.ok(MOD, new AddNote(null, NoteTag.QUOTE, "Gedeeld", true));
        Views.ListenerView view = Views.listener(s.state, ANNA.listenerId(), s.now);
        assertThat(view.speaker().pseudonym()).isEqualTo("Bram");
        assertThat(view.notes()).extracting(Views.SharedNote::text).containsExactly("Gedeeld");
        assertThat(view.participants()).extracting(Views.SeatView::pseudonym).containsExactly("Anouk", "Bram", "Chantal", "Dirk");
        assertThat(fieldNames(Views.ListenerView.class)).doesNotContain("balance", "questions", "topics", "listeners");
        assertThat(fieldNames(Views.SeatView.class)).containsExactlyInAnyOrder("id", "pseudonym", "seat");
        assertThat(fieldNames(Views.SpeakerView.class)).doesNotContain("since");
        assertThat(fieldNames(Views.QueuedQuestion.class)).doesNotContain("listenerId", "listenerName");
    }

    @Test
    void theDisplayShowsTheRoomWhatItNeeds() {
        Script s = Script.inConversation();
        Views.DisplayView view = Views.display(s.state, s.now);
        assertThat(view.title()).isEqualTo("Spiegelgesprek jeugdzorg");
        assertThat(view.currentTheme().title()).isEqualTo("Toegang");
        assertThat(view.houseRules()).isNotBlank();
        assertThat(fieldNames(Views.DisplayView.class)).doesNotContain("participants", "speaker", "balance", "notes");
    }

    private static Set<String> fieldNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
    }
}
