package nl.spiegel.meeting;

import static nl.spiegel.meeting.Script.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

class FloorTest {

    @Test
    void oneTapGivesTheFloorAndEndsTheTurnBefore() {
        Script s = Script.inConversation();
        String anouk = s.participant("Anouk");
        String bram = s.participant("Bram");
        s.ok(MOD, new GiveFloor(anouk));
        s.laterSeconds(40).ok(MOD, new GiveFloor(bram));
        assertThat(s.state.floor().speaker().participantId()).isEqualTo(bram);
        Meeting.Turn turn = s.state.floor().turns().getFirst();
        assertThat(turn.participantId()).isEqualTo(anouk);
        assertThat(turn.duration().toSeconds()).isEqualTo(40);
        assertThat(turn.themeId()).isEqualTo(s.theme(0));
    }

    @Test
    void aSecondTapOnTheSpeakerChangesNothing() {
        Script s = Script.inConversation();
        s.ok(MOD, new GiveFloor(s.participant("Anouk")));
        assertThat(s.laterSeconds(5).ok(MOD, new GiveFloor(s.participant("Anouk")))).isEmpty();
        s.ok(MOD, new ModeratorSpeaks());
        assertThat(s.ok(MOD, new ModeratorSpeaks())).isEmpty();
        s.ok(MOD, new PauseSpeaking());
        assertThat(s.ok(MOD, new PauseSpeaking())).isEmpty();
    }

    @Test
    void turnsNeedALivePhaseAndAKnownParticipant() {
        Script s = Script.prepared();
        s.no(MOD, new GiveFloor(s.participant("Anouk")), "WRONG_PHASE");
        s.no(MOD, new ModeratorSpeaks(), "WRONG_PHASE");
        s.no(MOD, new QueueSpeaker(s.participant("Anouk")), "WRONG_PHASE");
        s.no(MOD, new NextSpeaker(), "WRONG_PHASE");
        s.phase(Phase.LOBBY, Phase.OPENING);
        s.no(MOD, new GiveFloor("P999"), "UNKNOWN_PARTICIPANT");
        s.no(MOD, new GiveFloor(null), "UNKNOWN_PARTICIPANT");
        s.ok(MOD, new GiveFloor(s.participant("Anouk")));
    }

    @Test
    void theSpeakerQueue() {
        Script s = Script.inConversation();
        String anouk = s.participant("Anouk");
        String bram = s.participant("Bram");
        String chantal = s.participant("Chantal");
        s.no(MOD, new NextSpeaker(), "QUEUE_EMPTY");
        s.ok(MOD, new QueueSpeaker(bram));
        s.ok(MOD, new QueueSpeaker(chantal));
        s.ok(MOD, new QueueSpeaker(anouk));
        assertThat(s.ok(MOD, new QueueSpeaker(anouk))).isEmpty();
        assertThat(s.state.floor().queue()).containsExactly(bram, chantal, anouk);
        s.ok(MOD, new MoveQueuedSpeaker(anouk, 0));
        assertThat(s.state.floor().queue()).containsExactly(anouk, bram, chantal);
        s.ok(MOD, new UnqueueSpeaker(bram));
        assertThat(s.ok(MOD, new UnqueueSpeaker(bram))).isEmpty();
        assertThat(s.ok(MOD, new NextSpeaker())).containsExactly(new FloorGiven(anouk));
        assertThat(s.state.floor().queue()).containsExactly(chantal);
        s.ok(MOD, new GiveFloor(chantal));
        assertThat(s.state.floor().queue()).isEmpty();
        assertThat(s.no(MOD, new MoveQueuedSpeaker(bram, 0), "INVALID").field()).isEqualTo("participantId");
        s.ok(MOD, new QueueSpeaker(bram));
        assertThat(s.no(MOD, new MoveQueuedSpeaker(bram, 1), "INVALID").field()).isEqualTo("position");
        s.no(MOD, new UnqueueSpeaker("P999"), "UNKNOWN_PARTICIPANT");
    }

    @Test
    void removingAParticipantTakesThemFromTheQueue() {
        Script s = Script.inConversation();
        String dirk = s.participant("Dirk");
        s.ok(MOD, new QueueSpeaker(dirk));
        s.ok(MOD, new RemoveParticipant(dirk));
        assertThat(s.state.floor().queue()).isEmpty();
    }

    @Test
    void themesFollowTheGuide() {
        Script s = Script.inConversation();
        assertThat(s.state.currentThemeId()).isEqualTo(s.theme(0));
        s.laterSeconds(600).ok(MOD, new NextTheme());
        assertThat(s.state.currentThemeId()).isEqualTo(s.theme(1));
        assertThat(s.ok(MOD, new StartTheme(s.theme(1)))).isEmpty();
        s.laterSeconds(300).ok(MOD, new StartTheme(s.theme(0)));
        s.laterSeconds(60);
        assertThat(s.state.themeClock().spentOn(s.theme(0), s.now).toSeconds()).isEqualTo(660);
        assertThat(s.state.themeClock().spentOn(s.theme(1), s.now).toSeconds()).isEqualTo(300);
        s.ok(MOD, new StartTheme(s.theme(2)));
        s.no(MOD, new NextTheme(), "NO_NEXT_THEME");
        s.no(MOD, new StartTheme("T999"), "UNKNOWN_THEME");
        s.phase(Phase.CLARIFYING);
        s.no(MOD, new StartTheme(s.theme(0)), "WRONG_PHASE");
        s.no(MOD, new NextTheme(), "WRONG_PHASE");
    }

    @Test
    void aTurnGoesOnIntoTheNextThemeAsOneTurn() {
        Script s = Script.inConversation();
        String anouk = s.participant("Anouk");
        s.ok(MOD, new GiveFloor(anouk));
        s.laterSeconds(30).ok(MOD, new NextTheme());
        s.laterSeconds(20).ok(MOD, new PauseSpeaking());
        assertThat(s.state.floor().turns()).extracting(Meeting.Turn::themeId, Meeting.Turn::continued)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(s.theme(0), false),
                        org.assertj.core.groups.Tuple.tuple(s.theme(1), true));
        Participation.Entry entry = Participation.of(s.state, s.now).participants().getFirst();
        assertThat(entry.turns()).isEqualTo(1);
        assertThat(entry.speakingTime().toSeconds()).isEqualTo(50);
        assertThat(entry.themes()).containsExactly(s.theme(0), s.theme(1));
    }
}
