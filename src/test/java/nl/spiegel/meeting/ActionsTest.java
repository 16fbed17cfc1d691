package nl.spiegel.meeting;

import static nl.spiegel.meeting.Script.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;

class ActionsTest {

    private static String improvementPoint(Script s) {
        return s.state.notes().stream().filter(n -> n.tag() == NoteTag.IMPROVEMENT_POINT).findFirst().orElseThrow().id();
    }

    @Test
    void anImprovementPointBecomesAnActionWithAHistory() {
        Script s = ReportTest.ended();
        String note = improvementPoint(s);
        s.ok(MOD, new CreateAction(note, null, "Team toegang", LocalDate.parse("2027-06-01")));
        Meeting.Action action = s.state.actions().getFirst();
        assertThat(action.title()).isEqualTo("Wachttijd te lang");
        assertThat(action.status()).isEqualTo(ActionStatus.OPEN);
        s.laterSeconds(3600).ok(Actor.ASSISTANT, new UpdateAction(action.id(), null, null, null, ActionStatus.IN_PROGRESS));
        s.laterSeconds(3600).ok(MOD, new UpdateAction(action.id(), "Wachttijd onder 2 weken", "Teamleider toegang",
                LocalDate.parse("2027-07-01"), ActionStatus.DONE));
        Meeting.Action done = s.state.action(action.id()).orElseThrow();
        assertThat(done).extracting(Meeting.Action::title, Meeting.Action::owner, Meeting.Action::status)
                .containsExactly("Wachttijd onder 2 weken", "Teamleider toegang", ActionStatus.DONE);
        assertThat(done.history()).extracting(Meeting.ActionChange::status)
                .containsExactly(ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE);
        assertThat(done.history().get(1).owner()).isEqualTo("Team toegang");
    }

    @Test
    void onlyImprovementPointsOfEndedMeetingsBecomeActions() {
        Script live = Script.inConversation();
        live.ok(MOD, new AddNote(null, NoteTag.IMPROVEMENT_POINT, "Punt", false));
        live.no(MOD, new CreateAction(live.state.notes().getFirst().id(), null, "Team", null), "WRONG_PHASE");
        Script s = ReportTest.ended();
        String strength = s.state.notes().stream().filter(n -> n.tag() == NoteTag.STRENGTH).findFirst().orElseThrow().id();
        assertThat(s.no(MOD, new CreateAction(strength, null, "Team", null), "INVALID").field()).isEqualTo("noteId");
        s.no(MOD, new CreateAction("N999", null, "Team", null), "UNKNOWN_NOTE");
        assertThat(s.no(MOD, new CreateAction(improvementPoint(s), null, " ", null), "INVALID").field()).isEqualTo("owner");
        s.no(MOD, new UpdateAction("A999", null, null, null, ActionStatus.DONE), "UNKNOWN_ACTION");
        s.no(ANNA, new CreateAction(improvementPoint(s), null, "Team", null), "FORBIDDEN");
    }
}
