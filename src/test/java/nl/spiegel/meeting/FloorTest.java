package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

class FloorTest {

    @Test
    void oneTapGivesTheFloorAndEndsTheTurnBefore() {
        Meeting m = given(inConversation()).and(new FloorGiven(ANOUK)).after(40)
                .when(MOD, new GiveFloor(BRAM)).then(new FloorGiven(BRAM)).state();
        assertThat(((Floor.Speaking) m.floor().speaker()).participantId()).isEqualTo(BRAM);
        assertThat(m.floor().turns()).extracting(Meeting.Turn::participantId, t -> t.duration().toSeconds(), Meeting.Turn::themeId)
                .containsExactly(tuple(ANOUK, 40L, TOEGANG));
    }

    @Test
    void aSecondTapOnTheSpeakerChangesNothing() {
        given(inConversation()).and(new FloorGiven(ANOUK)).after(5)
                .when(MOD, new GiveFloor(ANOUK)).then()
                .when(MOD, new ModeratorSpeaks()).then(new ModeratorSpeaking())
                .when(ASSISTANT, new ModeratorSpeaks()).then()
                .when(MOD, new PauseSpeaking()).then(new SpeakingPaused())
                .when(MOD, new PauseSpeaking()).then();
    }

    @Test
    void turnsNeedALivePhaseAndAKnownParticipant() {
        Spec s = given(prepared());
        s.when(MOD, new GiveFloor(ANOUK)).thenRejected("WRONG_PHASE");
        s.when(MOD, new ModeratorSpeaks()).thenRejected("WRONG_PHASE");
        s.when(MOD, new QueueSpeaker(ANOUK)).thenRejected("WRONG_PHASE");
        s.when(MOD, new NextSpeaker()).thenRejected("WRONG_PHASE");
        s.and(phases(Phase.PREPARATION, Phase.OPENING));
        s.when(MOD, new GiveFloor("P999")).thenRejected("UNKNOWN_PARTICIPANT");
        s.when(MOD, new GiveFloor(null)).thenRejected("UNKNOWN_PARTICIPANT");
        s.when(MOD, new GiveFloor(ANOUK)).then(new FloorGiven(ANOUK));
    }

    @Test
    void theSpeakerQueue() {
        Spec s = given(inConversation());
        s.when(MOD, new NextSpeaker()).thenRejected("QUEUE_EMPTY");
        s.when(MOD, new QueueSpeaker(BRAM)).then(new SpeakerQueued(BRAM))
                .when(MOD, new QueueSpeaker(CHANTAL)).then(new SpeakerQueued(CHANTAL))
                .when(MOD, new QueueSpeaker(ANOUK)).then(new SpeakerQueued(ANOUK))
                .when(MOD, new QueueSpeaker(ANOUK)).then();
        assertThat(s.state().floor().queue()).containsExactly(BRAM, CHANTAL, ANOUK);
        s.when(MOD, new MoveQueuedSpeaker(ANOUK, 0)).then(new SpeakerMoved(ANOUK, 0));
        assertThat(s.state().floor().queue()).containsExactly(ANOUK, BRAM, CHANTAL);
        s.when(MOD, new UnqueueSpeaker(BRAM)).then(new SpeakerUnqueued(BRAM))
                .when(MOD, new UnqueueSpeaker(BRAM)).then()
                .when(MOD, new NextSpeaker()).then(new FloorGiven(ANOUK));
        assertThat(s.state().floor().queue()).containsExactly(CHANTAL);
        s.when(MOD, new GiveFloor(CHANTAL)).then(new FloorGiven(CHANTAL));
        assertThat(s.state().floor().queue()).isEmpty();
        assertThat(s.when(MOD, new MoveQueuedSpeaker(BRAM, 0)).thenRejected("INVALID").field()).isEqualTo("participantId");
        s.when(MOD, new QueueSpeaker(BRAM)).then(new SpeakerQueued(BRAM));
        assertThat(s.when(MOD, new MoveQueuedSpeaker(BRAM, 1)).thenRejected("INVALID").field()).isEqualTo("position");
        s.when(MOD, new UnqueueSpeaker("P999")).thenRejected("UNKNOWN_PARTICIPANT");
    }

    @Test
    void themesFollowTheGuide() {
        Spec s = given(inConversation()).after(600)
                .when(MOD, new NextTheme()).then(new ThemeStarted(CONTACT))
                .when(MOD, new StartTheme(CONTACT)).then()
                .after(300).when(MOD, new StartTheme(TOEGANG)).then(new ThemeStarted(TOEGANG))
                .after(60);
        assertThat(s.state().themeClock().spentOn(TOEGANG, s.now()).toSeconds()).isEqualTo(660);
        assertThat(s.state().themeClock().spentOn(CONTACT, s.now()).toSeconds()).isEqualTo(300);
        s.when(MOD, new StartTheme(REGIE)).then(new ThemeStarted(REGIE));
        s.when(MOD, new NextTheme()).thenRejected("NO_NEXT_THEME");
        s.when(MOD, new StartTheme("T999")).thenRejected("UNKNOWN_THEME");
        s.and(new PhaseChanged(Phase.CONVERSATION, Phase.CLARIFYING));
        s.when(MOD, new StartTheme(TOEGANG)).thenRejected("WRONG_PHASE");
        s.when(MOD, new NextTheme()).thenRejected("WRONG_PHASE");
    }

    @Test
    void tapsMadeOfflineAreTimedWhenTheyWereMadeSoTheTurnsAreTrue() {
        // Anouk speaks; the tablet loses its Wi-Fi and the moderator taps Bram, Chantal and Dirk 10 s apart,
        // while the assistant's tablet, online, adds a note. At 40 s the taps arrive.
        Spec s = given(inConversation()).and(new FloorGiven(ANOUK))
                .after(25).and(new NoteAdded("N8", TOEGANG, NoteTag.QUOTE, "Citaat", false, Role.ASSISTANT))
                .after(15)
                .whenActed(30, MOD, new GiveFloor(BRAM)).then(new FloorGiven(BRAM))
                .whenActed(20, MOD, new GiveFloor(CHANTAL)).then(new FloorGiven(CHANTAL))
                .whenActed(10, MOD, new GiveFloor(DIRK)).then(new FloorGiven(DIRK));
        assertThat(s.lastEventAt()).isEqualTo(s.now().minusSeconds(10));
        assertThat(Participation.of(s.state(), s.now()).participants())
                .extracting(e -> e.speakingTime().toSeconds()).containsExactly(10L, 10L, 10L, 10L);
        assertThat(s.state().lastAt()).isEqualTo(Spec.T0.plusSeconds(30));
    }

    @Test
    void aTimeThatCannotBeSoIsTheServersTime() {
        Spec s = given(inConversation()).and(new FloorGiven(ANOUK)).after(700);
        // In the future, or older than ten minutes: the server's time.
        s.whenActed(-5, MOD, new GiveFloor(BRAM)).then(new FloorGiven(BRAM));
        assertThat(s.lastEventAt()).isEqualTo(s.now());
        s.after(10).whenActed(601, MOD, new GiveFloor(CHANTAL)).then(new FloorGiven(CHANTAL));
        assertThat(s.lastEventAt()).isEqualTo(s.now());
        // Never before the change it follows: Chantal got the floor 0 s ago, so a tap "5 s ago" is now.
        s.whenActed(5, MOD, new GiveFloor(DIRK)).then(new FloorGiven(DIRK));
        assertThat(s.lastEventAt()).isEqualTo(s.now());
        assertThat(s.state().floor().turns()).allSatisfy(t -> assertThat(t.duration().isNegative()).isFalse());
    }

    @Test
    void aTurnGoesOnIntoTheNextThemeAsOneTurn() {
        Spec s = given(inConversation()).and(new FloorGiven(ANOUK))
                .after(30).when(MOD, new NextTheme()).then(new ThemeStarted(CONTACT))
                .after(20).when(MOD, new PauseSpeaking()).then(new SpeakingPaused());
        assertThat(s.state().floor().turns()).extracting(Meeting.Turn::themeId, Meeting.Turn::continued)
                .containsExactly(tuple(TOEGANG, false), tuple(CONTACT, true));
        Participation.Entry entry = Participation.of(s.state(), s.now()).participants().getFirst();
        assertThat(entry.turns()).isEqualTo(1);
        assertThat(entry.speakingTime().toSeconds()).isEqualTo(50);
        assertThat(entry.themes()).containsExactly(TOEGANG, CONTACT);
    }

    @Test
    void aPausedFloorShowsOnEveryScreenUntilSomeoneSpeaks() {
        Spec s = given(inConversation()).and(new FloorGiven(ANOUK)).after(30);
        assertThat(Views.moderator(s.state(), s.now()).pausedSince()).isNull();
        s.when(MOD, new PauseSpeaking()).then(new SpeakingPaused());
        java.time.Instant paused = s.now();
        s.after(20);
        assertThat(Views.moderator(s.state(), s.now()).pausedSince()).isEqualTo(paused);
        assertThat(Views.listener(s.state(), ANNA.listenerId(), s.now()).pausedSince()).isEqualTo(paused);
        assertThat(Views.display(s.state(), s.now()).pausedSince()).isEqualTo(paused);
        s.when(MOD, new ModeratorSpeaks()).then(new ModeratorSpeaking());
        assertThat(Views.display(s.state(), s.now()).pausedSince()).isNull();
        // A new phase starts without a pause: the floor is simply free.
        s.and(new SpeakingPaused()).after(5).and(new PhaseChanged(Phase.CONVERSATION, Phase.CLARIFYING));
        assertThat(Views.listener(s.state(), ANNA.listenerId(), s.now()).pausedSince()).isNull();
    }

    @Test
    void theDisplayCountsAllTheTimeSpentOnATheme() {
        Spec s = given(inConversation()).after(300).and(new ThemeStarted(CONTACT)).after(60).and(new ThemeStarted(TOEGANG))
                .after(30);
        Views.DisplayView display = Views.display(s.state(), s.now());
        assertThat(display.currentTheme().id()).isEqualTo(TOEGANG);
        // 300 s before the other theme and 30 s since it came back, as of the view's asOf; clients tick on from there.
        assertThat(display.themeSpentMs()).isEqualTo(330_000);
        assertThat(display.asOf()).isEqualTo(s.now());
    }
}
