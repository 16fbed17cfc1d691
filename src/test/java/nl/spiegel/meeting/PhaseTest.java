package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

class PhaseTest {

    @Test
    void runsThroughEveryPhaseInOrder() {
        Spec s = given(prepared());
        for (Phase phase : new Phase[] {Phase.LOBBY, Phase.OPENING, Phase.CONVERSATION, Phase.CLARIFYING,
                Phase.CLOSING, Phase.ENDED}) {
            Phase from = s.state().phase();
            Event[] expected = phase == Phase.CONVERSATION
                    ? new Event[] {new PhaseChanged(from, phase), new ThemeStarted(TOEGANG)}
                    : new Event[] {new PhaseChanged(from, phase)};
            s.after(60).when(MOD, new ChangePhase(phase)).then(expected);
            assertThat(s.state().phase()).isEqualTo(phase);
            assertThat(s.state().phaseSince()).isEqualTo(s.now());
        }
        assertThat(s.state().openedAt()).isEqualTo(Spec.T0.plusSeconds(120));
        assertThat(s.state().endedAt()).isEqualTo(s.now());
    }

    @Test
    void onlyLegalTransitions() {
        for (Phase from : Phase.values()) {
            for (Phase to : Phase.values()) {
                boolean forward = to.ordinal() == from.ordinal() + 1;
                boolean back = EnumSet.of(Phase.LOBBY, Phase.OPENING, Phase.CLARIFYING, Phase.CLOSING).contains(from)
                        && to.ordinal() == from.ordinal() - 1;
                Spec s = given(prepared()).and(phases(Phase.PREPARATION, from));
                if (forward || back) {
                    Event[] expected = to == Phase.CONVERSATION
                            ? new Event[] {new PhaseChanged(from, to), new ThemeStarted(TOEGANG)}
                            : new Event[] {new PhaseChanged(from, to)};
                    s.when(MOD, new ChangePhase(to)).then(expected);
                } else {
                    s.when(MOD, new ChangePhase(to)).thenRejected(from == Phase.ENDED ? "WRONG_PHASE" : "ILLEGAL_TRANSITION");
                }
            }
        }
    }

    @Test
    void refusesASkippedOrUnknownPhase() {
        Spec s = given(prepared());
        s.when(MOD, new ChangePhase(Phase.CONVERSATION)).thenRejected("ILLEGAL_TRANSITION");
        s.when(MOD, new ChangePhase(Phase.PREPARATION)).thenRejected("ILLEGAL_TRANSITION");
        assertThat(s.when(MOD, new ChangePhase(null)).thenRejected("INVALID").field()).isEqualTo("to");
    }

    @Test
    void theEndIsFinal() {
        Spec s = given(inConversation()).and(phases(Phase.CONVERSATION, Phase.ENDED));
        s.when(MOD, new ChangePhase(Phase.CLOSING)).thenRejected("WRONG_PHASE");
        s.when(MOD, new GiveFloor(ANOUK)).thenRejected("WRONG_PHASE");
        s.when(MOD, new AddTheme("Nog een", "Vraag?", 5)).thenRejected("WRONG_PHASE");
        s.when(MOD, new AddNote(null, NoteTag.WISH, "Uitwerken in het verslag", false))
                .then(new NoteAdded("N" + NEXT, null, NoteTag.WISH, "Uitwerken in het verslag", false, Role.MODERATOR));
    }

    @Test
    void theConversationStartsWithTheFirstThemeAndResumesTheLast() {
        Spec s = given(prepared()).and(phases(Phase.PREPARATION, Phase.OPENING))
                .when(MOD, new ChangePhase(Phase.CONVERSATION))
                .then(new PhaseChanged(Phase.OPENING, Phase.CONVERSATION), new ThemeStarted(TOEGANG))
                .after(60).when(MOD, new NextTheme()).then(new ThemeStarted(CONTACT))
                .after(60).when(MOD, new ChangePhase(Phase.CLARIFYING)).then(new PhaseChanged(Phase.CONVERSATION, Phase.CLARIFYING));
        assertThat(s.state().currentThemeId()).isNull();
        s.when(MOD, new ChangePhase(Phase.CONVERSATION))
                .then(new PhaseChanged(Phase.CLARIFYING, Phase.CONVERSATION), new ThemeStarted(CONTACT));
    }

    @Test
    void aConversationWithoutGuideStartsNoTheme() {
        Spec s = given(CREATED).and(phases(Phase.PREPARATION, Phase.OPENING))
                .when(MOD, new ChangePhase(Phase.CONVERSATION)).then(new PhaseChanged(Phase.OPENING, Phase.CONVERSATION));
        s.when(MOD, new NextTheme()).thenRejected("NO_NEXT_THEME");
    }

    @Test
    void leavingTheLivePhasesEndsTheTurn() {
        Meeting m = given(prepared()).and(phases(Phase.PREPARATION, Phase.OPENING)).and(new ModeratorSpeaking())
                .after(90).when(MOD, new ChangePhase(Phase.LOBBY)).then(new PhaseChanged(Phase.OPENING, Phase.LOBBY)).state();
        assertThat(m.floor().speaker()).isEqualTo(new Floor.Nobody());
        assertThat(m.floor().turns()).singleElement().satisfies(t -> assertThat(t.duration().toSeconds()).isEqualTo(90));
    }

    @Test
    void theEndEmptiesTheSpeakerQueue() {
        Meeting m = given(inConversation()).and(new SpeakerQueued(BRAM)).and(phases(Phase.CONVERSATION, Phase.CLOSING))
                .when(MOD, new ChangePhase(Phase.ENDED)).then(new PhaseChanged(Phase.CLOSING, Phase.ENDED)).state();
        assertThat(m.floor().queue()).isEmpty();
    }
}
