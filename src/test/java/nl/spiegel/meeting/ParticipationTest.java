package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
    void eachSeatSaysHowItsShareComparesWithAFairShare() {
        Spec s = given(inConversation()).and(new FloorGiven(ANOUK)).after(100).and(new FloorGiven(BRAM))
                .after(50).and(new FloorGiven(CHANTAL)).after(10).and(new SpeakingPaused());
        // Shares of 160 s: Anouk 62 % (over 1.6 × 25 %), Bram 31 % (fair), Chantal 6 % (under half), Dirk never.
        assertThat(Participation.of(s.state(), s.now()).participants()).extracting(Participation.Entry::tone)
                .containsExactly(Participation.Tone.OVER, Participation.Tone.FAIR, Participation.Tone.UNDER,
                        Participation.Tone.NEVER);
    }

    @Test
    void nudgesSayFromWhenTheyApply() {
        Instant opened = Spec.T0;
        Spec s = given(prepared()).and(phases(Phase.PREPARATION, Phase.CONVERSATION)).and(new ThemeStarted(TOEGANG))
                .and(new FloorGiven(ANOUK)).after(200).and(new FloorGiven(BRAM)).after(20);
        List<Participation.Nudge> nudges = Participation.of(s.state(), s.now()).nudges();
        assertThat(nudges).contains(
                new Participation.Nudge(Participation.NudgeKind.QUIET, ANOUK, opened.plusSeconds(200).plus(Duration.ofMinutes(12))),
                new Participation.Nudge(Participation.NudgeKind.NEVER_SPOKEN, CHANTAL, opened.plus(Duration.ofMinutes(10))),
                new Participation.Nudge(Participation.NudgeKind.NEVER_SPOKEN, DIRK, opened.plus(Duration.ofMinutes(10))),
                new Participation.Nudge(Participation.NudgeKind.THEME_OVER, null, opened.plus(Duration.ofMinutes(20))),
                // More than three minutes of talk, and Anouk has 91 %: more than twice a fair share.
                new Participation.Nudge(Participation.NudgeKind.DOMINANT, ANOUK, s.now()));
        assertThat(nudges).noneMatch(n -> BRAM.equals(n.participantId()));
        s.and(new PhaseChanged(Phase.CONVERSATION, Phase.CLARIFYING));
        assertThat(Participation.of(s.state(), s.now()).nudges()).isEmpty();
    }

    @Test
    void aThemeBackInTheConversationIsOverItsTimeSoonerForTheTimeItHadBefore() {
        Spec s = given(inConversation()).after(600).and(new ThemeStarted(CONTACT)).after(60).and(new ThemeStarted(TOEGANG));
        // Toegang has 20 minutes, of which 10 were spent before it came back.
        assertThat(Participation.of(s.state(), s.now()).nudges())
                .contains(new Participation.Nudge(Participation.NudgeKind.THEME_OVER, null, s.now().plus(Duration.ofMinutes(10))));
    }

    @Test
    void aClockThatRunsBackDoesNotMakeNegativeTime() {
        Spec s = given(inConversation()).and(new FloorGiven(ANOUK))
                .after(-30).when(MOD, new PauseSpeaking()).then(new SpeakingPaused());
        assertThat(s.state().floor().turns().getFirst().duration()).isZero();
        assertThat(s.stream().getLast().at()).isEqualTo(s.stream().get(s.stream().size() - 2).at());
    }
}
