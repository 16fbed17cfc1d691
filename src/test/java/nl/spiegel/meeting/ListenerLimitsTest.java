package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

/** What one listener, or all listeners together, can put in front of the moderator; and removing one. */
class ListenerLimitsTest {

    @Test
    void aRemovedListenerIsGoneWithTheirWaitingQuestionsUnlessTheModeratorKeepsThem() {
        String a = "Q" + NEXT;
        String b = "Q" + (NEXT + 1);
        String c = "Q" + (NEXT + 2);
        Spec s = given(inConversation()).and(
                new QuestionSubmitted(a, ANNA.listenerId(), "Een gewone vraag", null, null),
                new QuestionAccepted(a),
                new QuestionSubmitted(b, ANNA.listenerId(), "Iets kwetsends", null, null),
                new QuestionSubmitted(c, BEN.listenerId(), "Van Ben", null, null));
        s.when(MOD, new RemoveListener(ANNA.listenerId(), false)).then(new ListenerRemoved(ANNA.listenerId(), false));
        assertThat(s.state().listeners()).doesNotContainKey(ANNA.listenerId());
        assertThat(s.state().questions()).extracting(Meeting.Question::id).containsExactly(a, c);
        s.when(ANNA, new SubmitQuestion("Toch nog", null, null)).thenRejected("NOT_JOINED");
        s.when(MOD, new RemoveListener(ANNA.listenerId(), false)).thenRejected("UNKNOWN_LISTENER");

        s.when(MOD, new RemoveListener(BEN.listenerId(), true)).then(new ListenerRemoved(BEN.listenerId(), true));
        assertThat(s.state().questions()).extracting(Meeting.Question::id).containsExactly(a, c);
    }

    @Test
    void onlyModeratorsRemoveListeners() {
        given(inConversation()).when(ANNA, new RemoveListener(BEN.listenerId(), false)).thenRejected("FORBIDDEN");
    }

    @Test
    void theWholeMeetingHoldsAtMostAHundredWaitingQuestions() {
        List<Event> events = new ArrayList<>(inConversation());
        for (int i = 0; i < Meeting.MAX_WAITING_IN_MEETING; i++) {
            String listener = "L-" + i;
            events.add(new ListenerJoined(listener, null));
            events.add(new QuestionSubmitted("Q-" + i, listener, "Vraag " + i, null, null));
        }
        Spec s = given(events);
        assertThat(s.when(BEN, new SubmitQuestion("Nog één", null, null)).thenRejected("QUESTIONS_FULL")).isNotNull();
        s.and(new QuestionAccepted("Q-0"))
                .when(BEN, new SubmitQuestion("Nu past hij", null, null))
                .then(new QuestionSubmitted("Q" + (NEXT + Meeting.MAX_WAITING_IN_MEETING), BEN.listenerId(), "Nu past hij", null, null));
    }

    @Test
    void aListenerHandsInAtMostTenTopicsAndTheMeetingHoldsAtMostTwoHundred() {
        List<Event> events = new ArrayList<>(prepared());
        events.add(new TopicsOpenSet(true));
        for (int i = 0; i < Meeting.MAX_TOPICS_PER_LISTENER; i++) {
            events.add(new TopicSubmitted("K-" + i, ANNA.listenerId(), "Onderwerp " + i));
        }
        Spec s = given(events);
        s.when(ANNA, new SubmitTopic("Nog een")).thenRejected("TOO_MANY_TOPICS");
        for (int i = Meeting.MAX_TOPICS_PER_LISTENER; i < Meeting.MAX_TOPICS; i++) {
            String listener = "L-" + i;
            s.and(new ListenerJoined(listener, null), new TopicSubmitted("K-" + i, listener, "Onderwerp " + i));
        }
        s.when(BEN, new SubmitTopic("Van Ben")).thenRejected("TOPICS_FULL");
    }

    @Test
    void aMeetingHoldsAtMostThreeHundredNotes() {
        List<Event> events = new ArrayList<>(inConversation());
        for (int i = 0; i < Meeting.MAX_NOTES; i++) {
            events.add(new NoteAdded("N-" + i, null, NoteTag.OTHER, "Notitie " + i, false, Role.MODERATOR));
        }
        given(events).when(MOD, new AddNote(null, NoteTag.OTHER, "Nog een", false)).thenRejected("NOTES_FULL");
    }

    @Test
    void joiningStopsAtTheServersLimitWhateverTheModeratorSet() {
        Spec s = given(prepared());
        while (s.state().listeners().size() < Meeting.MAX_LISTENERS) {
            s.and(new ListenerJoined("L-x" + s.state().listeners().size(), null));
        }
        s.when(Actor.listener("L-late"), new JoinAsListener("Laat")).thenRejected("LISTENERS_FULL");
    }
}
