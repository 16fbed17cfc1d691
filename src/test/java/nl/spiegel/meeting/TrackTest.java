package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

/** The track planner: dates proposed back from the meeting, set by hand, owned, done, overdue. */
class TrackTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** 18 March 2027, 19:00 in Amsterdam. */
    static final Instant START = Instant.parse("2027-03-18T18:00:00Z");
    static final Actor ORGANISER = new Actor(Role.ORGANISER, null);

    private static Spec scheduled() {
        return given(prepared()).and(new DetailsUpdated("Spiegelgesprek jeugdzorg", null, null, START, 75, null, null, null, null));
    }

    private static Track.Step step(Spec s, Milestone milestone, Instant now) {
        return Track.steps(s.state(), AMSTERDAM, now).stream().filter(x -> x.milestone() == milestone).findFirst().orElseThrow();
    }

    @Test
    void proposesEveryMilestoneFromTheMeetingsDateOverAboutFourMonths() {
        List<Track.Step> steps = Track.steps(scheduled().state(), AMSTERDAM, Instant.parse("2027-01-01T09:00:00Z"));
        assertThat(steps).extracting(Track.Step::milestone).containsExactly(Milestone.values());
        assertThat(steps.getFirst().due()).isEqualTo(LocalDate.of(2027, 1, 7));
        assertThat(steps.get(5).due()).isEqualTo(LocalDate.of(2027, 3, 18));
        assertThat(steps.getLast().due()).isEqualTo(LocalDate.of(2027, 5, 6));
        assertThat(steps).allSatisfy(s -> assertThat(s.proposed()).isEqualTo(s.milestone() != Milestone.MEETING));
        assertThat(steps).extracting(Track.Step::owner).contains(Milestone.Owner.MODERATOR, Milestone.Owner.ORGANISATION);
        assertThat(steps.getFirst().status()).isEqualTo(Track.Status.SOON);
        assertThat(steps.get(1).status()).isEqualTo(Track.Status.PLANNED);
    }

    @Test
    void withoutADateNothingIsProposed() {
        assertThat(Track.steps(given(prepared()).state(), AMSTERDAM, START)).allSatisfy(s -> {
            assertThat(s.due()).isNull();
            assertThat(s.status()).isEqualTo(Track.Status.UNPLANNED);
        });
    }

    @Test
    void aDateAndAnOwnerOfItsOwnAndBackToTheProposedOnes() {
        LocalDate own = LocalDate.of(2027, 2, 1);
        Spec s = scheduled()
                .when(ORGANISER, new PlanMilestone(Milestone.GUIDE_READY, own, Milestone.Owner.ORGANISATION))
                .then(new MilestonePlanned(Milestone.GUIDE_READY, own, Milestone.Owner.ORGANISATION));
        s.when(ORGANISER, new PlanMilestone(Milestone.GUIDE_READY, own, Milestone.Owner.ORGANISATION)).then();
        Track.Step guide = step(s, Milestone.GUIDE_READY, Instant.parse("2027-02-10T09:00:00Z"));
        assertThat(guide.due()).isEqualTo(own);
        assertThat(guide.proposed()).isFalse();
        assertThat(guide.owner()).isEqualTo(Milestone.Owner.ORGANISATION);
        assertThat(guide.status()).isEqualTo(Track.Status.OVERDUE);

        s.when(MOD, new MarkMilestone(Milestone.GUIDE_READY, true)).then(new MilestoneMarked(Milestone.GUIDE_READY, true));
        assertThat(step(s, Milestone.GUIDE_READY, Instant.parse("2027-02-10T09:00:00Z")).status()).isEqualTo(Track.Status.DONE);
        s.when(MOD, new MarkMilestone(Milestone.GUIDE_READY, true)).then();

        s.when(ORGANISER, new PlanMilestone(Milestone.GUIDE_READY, null, null)).then(new MilestonePlanned(Milestone.GUIDE_READY, null, null));
        Track.Step back = step(s, Milestone.GUIDE_READY, START);
        assertThat(back.due()).isEqualTo(LocalDate.of(2027, 1, 28));
        assertThat(back.owner()).isEqualTo(Milestone.Owner.MODERATOR);
        assertThat(back.doneAt()).as("still done").isNotNull();
    }

    @Test
    void theMeetingsDateIsItsScheduledStart() {
        Rejection r = scheduled().when(ORGANISER, new PlanMilestone(Milestone.MEETING, LocalDate.of(2027, 4, 1), null))
                .thenRejected("INVALID");
        assertThat(r.detail()).isEqualTo(new Rejection.Detail.TheMeetingsDate());
        scheduled().when(ORGANISER, new PlanMilestone(null, null, null)).thenRejected("INVALID");
        scheduled().when(ORGANISER, new MarkMilestone(Milestone.GOAL_SET, null)).thenRejected("INVALID");
    }

    @Test
    void theMeetingAndThePublishedReportAreDoneWhenTheyHappen() {
        Spec s = scheduled().and(phases(Phase.PREPARATION, Phase.ENDED));
        assertThat(step(s, Milestone.MEETING, START).status()).isEqualTo(Track.Status.DONE);
        assertThat(step(s, Milestone.REPORT_PUBLISHED, START).status()).isNotEqualTo(Track.Status.DONE);
        s.apply(MOD, new FinalizeReport());
        assertThat(s.state().reports()).hasSize(1);
        assertThat(step(s, Milestone.REPORT_PUBLISHED, START).status()).isEqualTo(Track.Status.DONE);
        // After the end the track goes on: the follow-up milestones are planned and marked then.
        s.when(ORGANISER, new MarkMilestone(Milestone.LETTER_SENT, true)).then(new MilestoneMarked(Milestone.LETTER_SENT, true));
    }
}
