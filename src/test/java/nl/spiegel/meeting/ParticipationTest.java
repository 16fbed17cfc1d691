package nl.spiegel.meeting;

import static nl.spiegel.meeting.Script.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;

class ParticipationTest {

    @Test
    void measuresEachParticipantAndTheModerator() {
        Script s = Script.prepared();
        s.phase(Phase.LOBBY, Phase.OPENING);
        s.ok(MOD, new ModeratorSpeaks());
        s.laterSeconds(60).phase(Phase.CONVERSATION);
        String anouk = s.participant("Anouk");
        String bram = s.participant("Bram");
        s.ok(MOD, new GiveFloor(anouk));
        s.laterSeconds(120).ok(MOD, new GiveFloor(bram));
        s.laterSeconds(60).ok(MOD, new GiveFloor(anouk));
        s.laterSeconds(60).ok(MOD, new PauseSpeaking());
        s.laterSeconds(30);

        Participation p = Participation.of(s.state, s.now);
        assertThat(p.moderatorTime().toSeconds()).isEqualTo(60);
        assertThat(p.participantsTime().toSeconds()).isEqualTo(240);
        assertThat(p.elapsed().toSeconds()).isEqualTo(330);
        assertThat(p.moderatorShare()).isCloseTo(0.2, within(1e-9));

        Participation.Entry a = p.participants().get(0);
        assertThat(a.pseudonym()).isEqualTo("Anouk");
        assertThat(a.speakingTime().toSeconds()).isEqualTo(180);
        assertThat(a.turns()).isEqualTo(2);
        assertThat(a.share()).isCloseTo(0.75, within(1e-9));
        assertThat(a.fairShare()).isCloseTo(0.25, within(1e-9));
        assertThat(a.sinceLastTurn().toSeconds()).isEqualTo(30);
        assertThat(a.themes()).containsExactly(s.theme(0));
        Participation.Entry b = p.participants().get(1);
        assertThat(b.turns()).isEqualTo(1);
        assertThat(b.sinceLastTurn().toSeconds()).isEqualTo(90);
        Participation.Entry c = p.participants().get(2);
        assertThat(c.neverSpoken()).isTrue();
        assertThat(c.sinceLastTurn()).isNull();
        assertThat(c.share()).isZero();
    }

    @Test
    void theCurrentTurnCountsUpToNow() {
        Script s = Script.inConversation();
        s.ok(MOD, new GiveFloor(s.participant("Chantal")));
        s.laterSeconds(45);
        Participation.Entry c = Participation.of(s.state, s.now).participants().get(2);
        assertThat(c.speaking()).isTrue();
        assertThat(c.speakingTime().toSeconds()).isEqualTo(45);
        assertThat(c.sinceLastTurn()).isZero();
        assertThat(c.turns()).isEqualTo(1);
    }

    @Test
    void balanceIsOneWhenAllSpeakEquallyAndZeroForOneVoice() {
        Script s = Script.inConversation();
        assertThat(Participation.of(s.state, s.now).balanceIndex()).isNull();
        s.ok(MOD, new GiveFloor(s.participant("Anouk")));
        s.laterSeconds(60).ok(MOD, new PauseSpeaking());
        assertThat(Participation.of(s.state, s.now).balanceIndex()).isCloseTo(0.0, within(1e-9));
        for (String name : new String[] {"Bram", "Chantal", "Dirk"}) {
            s.ok(MOD, new GiveFloor(s.participant(name)));
            s.laterSeconds(60).ok(MOD, new PauseSpeaking());
        }
        assertThat(Participation.of(s.state, s.now).balanceIndex()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void balanceFallsAsFewerVoicesTakeTheTime() {
        Script s = Script.inConversation();
        s.ok(MOD, new GiveFloor(s.participant("Anouk")));
        s.laterSeconds(300).ok(MOD, new GiveFloor(s.participant("Bram")));
        s.laterSeconds(100).ok(MOD, new PauseSpeaking());
        double expected = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(4);
        assertThat(Participation.of(s.state, s.now).balanceIndex()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void timeStopsAtTheEnd() {
        Script s = Script.inConversation();
        s.ok(MOD, new GiveFloor(s.participant("Anouk")));
        s.laterSeconds(100).phase(Phase.CLARIFYING, Phase.CLOSING, Phase.ENDED);
        s.laterSeconds(1000);
        Participation p = Participation.of(s.state, s.now);
        assertThat(p.participantsTime().toSeconds()).isEqualTo(100);
        assertThat(p.participants().getFirst().sinceLastTurn()).isZero();
    }

    @Test
    void aClockThatRunsBackDoesNotMakeNegativeTime() {
        Script s = Script.inConversation();
        s.ok(MOD, new GiveFloor(s.participant("Anouk")));
        s.laterSeconds(-30).ok(MOD, new PauseSpeaking());
        assertThat(s.state.floor().turns().getFirst().duration()).isZero();
        assertThat(s.stream.getLast().at()).isEqualTo(s.stream.get(s.stream.size() - 2).at());
    }
}
