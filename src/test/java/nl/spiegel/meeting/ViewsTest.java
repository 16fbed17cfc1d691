package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Event.*;

/** Given a meeting, then what each role's view holds of it. */
class ViewsTest {

    @Test
    void theModeratorSeesEverything() {
        Spec s = given(inConversation()).and(new FloorGiven(ANOUK),
                new NoteAdded("N8", TOEGANG, NoteTag.WISH, "Privé", false, Role.MODERATOR),
                new QuestionSubmitted("Q9", ANNA.listenerId(), "Vraag", null, null)).after(30);
        Views.ModeratorView view = Views.moderator(s.state(), s.now());
        assertThat(view.participants()).hasSize(4);
        assertThat(view.participants().getFirst().speakingMs()).isEqualTo(30_000);
        assertThat(view.speaker().participantId()).isEqualTo(ANOUK);
        assertThat(view.notes()).hasSize(1);
        assertThat(view.questions().getFirst().listenerName()).isEqualTo("Anna");
        assertThat(view.listeners()).isEqualTo(2);
        assertThat(view.guide().getFirst().spentMs()).isEqualTo(30_000);
    }

    @Test
    void aListenerSeesWhoSpeaksButNoStatisticsNorPrivateNotes() {
        Spec s = given(inConversation()).and(new FloorGiven(BRAM),
                new NoteAdded("N8", TOEGANG, NoteTag.WISH, "Privé", false, Role.MODERATOR),
                new NoteAdded("N9", TOEGANG, NoteTag.QUOTE, "Gedeeld", true, Role.MODERATOR));
        Views.ListenerView view = Views.listener(s.state(), ANNA.listenerId(), s.now());
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
        Spec s = given(inConversation());
        Views.DisplayView view = Views.display(s.state(), s.now());
        assertThat(view.title()).isEqualTo("Spiegelgesprek jeugdzorg");
        assertThat(view.currentTheme().title()).isEqualTo("Toegang");
        assertThat(view.houseRules()).isNotBlank();
        assertThat(fieldNames(Views.DisplayView.class)).doesNotContain("participants", "speaker", "balance", "notes");
    }

    private static Set<String> fieldNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
    }
}
