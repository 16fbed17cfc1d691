package nl.spiegel.meeting;

import static nl.spiegel.meeting.Script.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

class PhaseTest {

    @Test
    void runsThroughEveryPhaseInOrder() {
        Script s = Script.prepared();
        for (Phase phase : new Phase[] {Phase.LOBBY, Phase.OPENING, Phase.CONVERSATION, Phase.CLARIFYING,
                Phase.CLOSING, Phase.ENDED}) {
            s.laterSeconds(60).phase(phase);
            assertThat(s.state.phase()).isEqualTo(phase);
            assertThat(s.state.phaseSince()).isEqualTo(s.now);
        }
        assertThat(s.state.endedAt()).isEqualTo(s.now);
    }

    @Test
    void onlyLegalTransitions() {
        for (Phase from : Phase.values()) {
            for (Phase to : Phase.values()) {
                boolean forward = to.ordinal() == from.ordinal() + 1;
                boolean back = EnumSet.of(Phase.LOBBY, Phase.OPENING, Phase.CLARIFYING, Phase.CLOSING).contains(from)
                        && to.ordinal() == from.ordinal() - 1;
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(forward || back);
            }
        }
    }

    @Test
    void refusesASkippedOrUnknownPhase() {
        Script s = Script.prepared();
        s.no(MOD, new ChangePhase(Phase.CONVERSATION), "ILLEGAL_TRANSITION");
        s.no(MOD, new ChangePhase(Phase.PREPARATION), "ILLEGAL_TRANSITION");
        assertThat(s.no(MOD, new ChangePhase(null), "INVALID").field()).isEqualTo("to");
    }

    @Test
    void theEndIsFinal() {
        Script s = Script.inConversation();
        s.phase(Phase.CLARIFYING, Phase.CLOSING, Phase.ENDED);
        s.no(MOD, new ChangePhase(Phase.CLOSING), "WRONG_PHASE");
        s.no(MOD, new GiveFloor(s.participant("Anouk")), "WRONG_PHASE");
        s.no(MOD, new AddTheme("Nog een", "Vraag?", 5), "WRONG_PHASE");
        s.ok(MOD, new AddNote(null, NoteTag.WISH, "Uitwerken in het verslag", false));
    }

    @Test
    void theConversationStartsWithTheFirstThemeAndResumesTheLast() {
        Script s = Script.prepared();
        s.phase(Phase.LOBBY, Phase.OPENING);
        assertThat(s.ok(MOD, new ChangePhase(Phase.CONVERSATION)))
                .containsExactly(new PhaseChanged(Phase.OPENING, Phase.CONVERSATION), new ThemeStarted(s.theme(0)));
        s.laterSeconds(60).ok(MOD, new NextTheme());
        s.laterSeconds(60).phase(Phase.CLARIFYING);
        assertThat(s.state.currentThemeId()).isNull();
        assertThat(s.ok(MOD, new ChangePhase(Phase.CONVERSATION))).contains(new ThemeStarted(s.theme(1)));
    }

    @Test
    void aConversationWithoutGuideStartsNoTheme() {
        Script s = new Script();
        s.ok(MOD, new CreateMeeting("Zonder leidraad", null, null, null, null, null));
        s.phase(Phase.LOBBY, Phase.OPENING);
        assertThat(s.ok(MOD, new ChangePhase(Phase.CONVERSATION))).hasSize(1);
        s.no(MOD, new NextTheme(), "NO_NEXT_THEME");
    }

    @Test
    void leavingTheLivePhasesEndsTheTurn() {
        Script s = Script.prepared();
        s.phase(Phase.LOBBY, Phase.OPENING);
        s.ok(MOD, new ModeratorSpeaks());
        s.laterSeconds(90).phase(Phase.LOBBY);
        assertThat(s.state.floor().speaker()).isNull();
        assertThat(s.state.floor().turns()).hasSize(1);
    }

    @Test
    void theEndEmptiesTheSpeakerQueue() {
        Script s = Script.inConversation();
        s.ok(MOD, new QueueSpeaker(s.participant("Bram")));
        s.phase(Phase.CLARIFYING, Phase.CLOSING, Phase.ENDED);
        assertThat(s.state.floor().queue()).isEmpty();
    }
}
