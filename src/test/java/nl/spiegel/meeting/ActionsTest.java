package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.ReportTest.IMPROVEMENT;
import static nl.spiegel.meeting.ReportTest.STRENGTH;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

class ActionsTest {

    private static final Actor ORGANISER = new Actor(Role.ORGANISER, null);
    private static final String ACTION = "A15";
    private static final LocalDate JUNE = LocalDate.parse("2027-06-01");
    private static final LocalDate JULY = LocalDate.parse("2027-07-01");

    @Test
    void anImprovementPointBecomesAnActionWithAHistory() {
        Spec s = ReportTest.ended()
                .when(MOD, new CreateAction(IMPROVEMENT, null, "Team toegang", JUNE, null))
                .then(new ActionCreated(ACTION, IMPROVEMENT, "Wachttijd te lang", "Team toegang", JUNE, null))
                .after(3600).when(ASSISTANT, new UpdateAction(ACTION, null, null, null, null, ActionStatus.IN_PROGRESS, null))
                .then(new ActionUpdated(ACTION, "Wachttijd te lang", "Team toegang", JUNE, ActionStatus.IN_PROGRESS, null));
        // The organiser follows what the finalised report published; before that the action is not theirs to see.
        s.when(ORGANISER, new UpdateAction(ACTION, null, null, null, null, ActionStatus.DONE, null)).thenRejected("UNKNOWN_ACTION");
        s.when(MOD, new FinalizeReport()).then(new ReportFinalized(Report.of(s.state(), s.state().reportDraft(), 1, s.now())))
                .after(3600).when(ORGANISER, new UpdateAction(ACTION, "Wachttijd onder 2 weken", "Teamleider toegang", JULY,
                        null, ActionStatus.DONE, null))
                .then(new ActionUpdated(ACTION, "Wachttijd onder 2 weken", "Teamleider toegang", JULY, ActionStatus.DONE, null));
        Meeting.Action done = s.state().action(ACTION).orElseThrow();
        assertThat(done.status()).isEqualTo(ActionStatus.DONE);
        assertThat(done.history()).extracting(Meeting.ActionChange::status)
                .containsExactly(ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE);
        assertThat(done.history()).extracting(Meeting.ActionChange::at)
                .containsExactly(s.now().minusSeconds(7200), s.now().minusSeconds(3600), s.now());
    }

    @Test
    void aDueDateCanBeTakenAwayAndNotSetAtTheSameTime() {
        Spec s = ReportTest.ended().when(MOD, new CreateAction(IMPROVEMENT, null, "Team toegang", JUNE, null))
                .then(new ActionCreated(ACTION, IMPROVEMENT, "Wachttijd te lang", "Team toegang", JUNE, null));
        assertThat(s.when(MOD, new UpdateAction(ACTION, null, null, JULY, true, null, null)).thenRejected("INVALID").field())
                .isEqualTo("noDue");
        s.when(MOD, new UpdateAction(ACTION, null, null, null, true, null, null))
                .then(new ActionUpdated(ACTION, "Wachttijd te lang", "Team toegang", null, ActionStatus.OPEN, null));
        s.when(MOD, new UpdateAction(ACTION, null, null, null, false, null, null))
                .then(new ActionUpdated(ACTION, "Wachttijd te lang", "Team toegang", null, ActionStatus.OPEN, null));
    }

    @Test
    void aWishBecomesAnActionInItsOwnWords() {
        ReportTest.ended()
                .when(MOD, new CreateAction(ReportTest.WISH, "Elk gezin krijgt één vaste contactpersoon", "Teamleider", JUNE, null))
                .then(new ActionCreated(ACTION, ReportTest.WISH, "Elk gezin krijgt één vaste contactpersoon", "Teamleider", JUNE, null));
    }

    @Test
    void anOrganiserMakesActionsOnlyOfWhatTheFinalisedReportPublished() {
        Spec s = ReportTest.ended();
        s.when(ORGANISER, new CreateAction(IMPROVEMENT, null, "Team", null, null)).thenRejected("UNKNOWN_NOTE");
        s.and(new ReportEdited(null, null, List.of(), List.of(IMPROVEMENT), false));
        s.when(MOD, new FinalizeReport()).then(new ReportFinalized(Report.of(s.state(), s.state().reportDraft(), 1, s.now())));
        assertThat(Report.publishedNoteIds(s.state())).doesNotContain(IMPROVEMENT).contains(STRENGTH);
        s.when(ORGANISER, new CreateAction(IMPROVEMENT, null, "Team", null, null)).thenRejected("UNKNOWN_NOTE");
        s.when(MOD, new CreateAction(IMPROVEMENT, null, "Team", null, null))
                .then(new ActionCreated(ACTION, IMPROVEMENT, "Wachttijd te lang", "Team", null, null));
    }

    @Test
    void onlyImprovementPointsOfEndedMeetingsBecomeActions() {
        given(inConversation()).and(new NoteAdded("N8", TOEGANG, NoteTag.IMPROVEMENT_POINT, "Punt", false, Role.MODERATOR))
                .when(MOD, new CreateAction("N8", null, "Team", null, null)).thenRejected("WRONG_PHASE");
        Spec s = ReportTest.ended();
        assertThat(s.when(MOD, new CreateAction(STRENGTH, null, "Team", null, null)).thenRejected("INVALID").field()).isEqualTo("noteId");
        s.when(MOD, new CreateAction("N999", null, "Team", null, null)).thenRejected("UNKNOWN_NOTE");
        assertThat(s.when(MOD, new CreateAction(IMPROVEMENT, null, " ", null, null)).thenRejected("INVALID").field()).isEqualTo("owner");
        s.when(MOD, new UpdateAction("A999", null, null, null, null, ActionStatus.DONE, null)).thenRejected("UNKNOWN_ACTION");
        s.when(ANNA, new CreateAction(IMPROVEMENT, null, "Team", null, null)).thenRejected("FORBIDDEN");
        s.when(ORGANISER, new EditReport("Niet van de organisator", null, null, null, null)).thenRejected("FORBIDDEN");
    }
}
