package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rules.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nl.spiegel.meeting.Command.MarkMilestone;
import nl.spiegel.meeting.Command.PlanMilestone;
import nl.spiegel.meeting.Event.MilestoneMarked;
import nl.spiegel.meeting.Event.MilestonePlanned;

/**
 * The track section: the milestones around the meeting ({@link Milestone}), as planned. A milestone
 * without a date of its own is proposed back (or on) from the meeting's date; one without an owner
 * of its own has its usual owner. The meeting and the publishing of the report are done when they
 * happened; the others when someone marks them.
 *
 * @param plans what was planned or marked, per milestone; milestones left alone are absent
 */
public record Track(Map<Milestone, Plan> plans) {

    static final Track EMPTY = new Track(Map.of());

    /** A milestone due within this many days is coming up soon. */
    public static final int SOON_DAYS = 7;

    /**
     * @param due    a date of its own; {@code null}: the proposed one
     * @param owner  an owner of its own; {@code null}: the usual one
     * @param doneAt when it was marked done; {@code null}: not marked
     */
    public record Plan(@Nullable LocalDate due, @Nullable Milestone.Owner owner, @Nullable Instant doneAt) {
        static final Plan NONE = new Plan(null, null, null);
    }

    public enum Status { DONE, OVERDUE, SOON, PLANNED, UNPLANNED }

    /**
     * A milestone as the planner shows it.
     *
     * @param proposed whether {@code due} is the proposed date rather than one set
     * @param doneAt   when it was marked or happened; absent while not done
     */
    public record Step(Milestone milestone, Milestone.Owner owner, @Nullable LocalDate due, boolean proposed,
                       @Nullable Instant doneAt, Status status) {}

    Plan plan(Milestone milestone) {
        return plans.getOrDefault(milestone, Plan.NONE);
    }

    static List<Event> decide(Meeting m, Command.Track command) {
        return switch (command) {
            case PlanMilestone c -> {
                Milestone milestone = present("milestone", c.milestone());
                if (milestone == Milestone.MEETING && c.due() != null) {
                    throw refuse(Rejection.invalid("due", new Rejection.Detail.TheMeetingsDate()));
                }
                Plan plan = m.track().plan(milestone);
                yield Objects.equals(plan.due(), c.due()) && plan.owner() == c.owner() ? List.of()
                        : List.of(new MilestonePlanned(milestone, c.due(), c.owner()));
            }
            case MarkMilestone c -> {
                Milestone milestone = present("milestone", c.milestone());
                boolean done = flag("done", c.done());
                yield done == (m.track().plan(milestone).doneAt() != null) ? List.of()
                        : List.of(new MilestoneMarked(milestone, done));
            }
        };
    }

    static Meeting evolve(Meeting m, Event.Track event, Instant at) {
        Map<Milestone, Plan> plans = new EnumMap<>(Milestone.class);
        plans.putAll(m.track().plans());
        switch (event) {
            case MilestonePlanned e -> plans.put(e.milestone(), new Plan(e.due(), e.owner(), m.track().plan(e.milestone()).doneAt()));
            case MilestoneMarked e -> {
                Plan plan = m.track().plan(e.milestone());
                plans.put(e.milestone(), new Plan(plan.due(), plan.owner(), e.done() ? at : null));
            }
        }
        return m.with(new Track(Map.copyOf(plans)));
    }

    /**
     * Every milestone in order, with its date, owner and status at {@code now}; the meeting's day and
     * today are days in {@code zone}.
     */
    public static List<Step> steps(Meeting m, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant start = m.details() == null ? null : m.details().scheduledStart();
        LocalDate meetingDay = start == null ? null : start.atZone(zone).toLocalDate();
        List<Step> steps = new ArrayList<>();
        for (Milestone milestone : Milestone.values()) {
            Plan plan = m.track().plan(milestone);
            LocalDate proposed = meetingDay == null ? null : meetingDay.plusDays(milestone.daysFromMeeting);
            LocalDate due = milestone == Milestone.MEETING ? meetingDay : plan.due() != null ? plan.due() : proposed;
            Instant doneAt = plan.doneAt() != null ? plan.doneAt() : happened(m, milestone);
            steps.add(new Step(milestone, plan.owner() != null ? plan.owner() : milestone.owner, due,
                    milestone != Milestone.MEETING && plan.due() == null, doneAt, status(doneAt, due, today)));
        }
        return List.copyOf(steps);
    }

    /** The milestones the meeting's own events mark done: it was held, its report published. */
    private static Instant happened(Meeting m, Milestone milestone) {
        return switch (milestone) {
            case MEETING -> m.endedAt();
            case REPORT_PUBLISHED -> m.reports().isEmpty() ? null : m.reports().getFirst().finalizedAt();
            default -> null;
        };
    }

    private static Status status(Instant doneAt, LocalDate due, LocalDate today) {
        if (doneAt != null) {
            return Status.DONE;
        }
        if (due == null) {
            return Status.UNPLANNED;
        }
        if (due.isBefore(today)) {
            return Status.OVERDUE;
        }
        return due.isAfter(today.plusDays(SOON_DAYS)) ? Status.PLANNED : Status.SOON;
    }
}
