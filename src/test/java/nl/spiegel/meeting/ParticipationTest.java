package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

/** Given turns at known moments, then who spoke how much. */
class ParticipationTest {

    @Test
    void measuresEachParticipantAndTheModerator() {
        Spec s = given(prepared()).and(phases(Phase.PREPARATION, Phase.OPENING)).and(new ModeratorSpeaking())
                .after(60).and(new PhaseChanged(Phase.OPENING, Phase.CONVERSATION), new ThemeStarted(TOEGANG),
                        new FloorGiven(ANOUK))
                .after(120).and(new FloorGiven(BRAM))
                .after(60).and(new FloorGiven(ANOUK))
                .after(60).and(new SpeakingPaused())
                .after(30);

        Participation p = Participation.of(s.state(), s.now());
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
        assertThat(a.themes()).containsExactly(TOEGANG);
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
        Spec s = given(inConversation()).and(new FloorGiven(CHANTAL)).after(45);
        Participation.Entry c = Participation.of(s.state(), s.now()).participants().get(2);
        assertThat(c.speaking()).isTrue();
        assertThat(c.speakingTime().toSeconds()).isEqualTo(45);
        assertThat(c.sinceLastTurn()).isZero();
        assertThat(c.turns()).isEqualTo(1);
    }

    @Test
    void balanceIsOneWhenAllSpeakEquallyAndZeroForOneVoice() {
        Spec s = given(inConversation());
        assertThat(Participation.of(s.state(), s.now()).balanceIndex()).isNull();
        s.and(new FloorGiven(ANOUK)).after(60).and(new SpeakingPaused());
        assertThat(Participation.of(s.state(), s.now()).balanceIndex()).isCloseTo(0.0, within(1e-9));
        for (String participant : new String[] {BRAM, CHANTAL, DIRK}) {
            s.and(new FloorGiven(participant)).after(60).and(new SpeakingPaused());
        }
        assertThat(Participation.of(s.state(), s.now()).balanceIndex()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void balanceFallsAsFewerVoicesTakeTheTime() {
        Spec s = given(inConversation()).and(new FloorGiven(ANOUK)).after(300).and(new FloorGiven(BRAM))
                .after(100).and(new SpeakingPaused());
        double expected = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(4);
        assertThat(Participation.of(s.state(), s.now()).balanceIndex()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void timeStopsAtTheEnd() {
        Spec s = given(inConversation()).and(new FloorGiven(ANOUK)).after(100)
                .and(phases(Phase.CONVERSATION, Phase.ENDED)).after(1000);
        Participation p = Participation.of(s.state(), s.now());
        assertThat(p.participantsTime().toSeconds()).isEqualTo(100);
        assertThat(p.participants().getFirst().sinceLastTurn()).isZero();
    }

    @Test
    void aClockThatRunsBackDoesNotMakeNegativeTime() {
        Spec s = given(inConversation()).and(new FloorGiven(ANOUK))
                .after(-30).when(MOD, new PauseSpeaking()).then(new SpeakingPaused());
        assertThat(s.state().floor().turns().getFirst().duration()).isZero();
        assertThat(s.stream().getLast().at()).isEqualTo(s.stream().get(s.stream().size() - 2).at());
    }
}
