package nl.spiegel.meeting;

/**
 * The milestones of the track around a meeting, about four months from goal to letter, in their
 * order. Each has who usually owns it and a date proposed from the meeting's date: that many days
 * before (negative) or after it.
 */
public enum Milestone {
    GOAL_SET(Owner.ORGANISATION, -70),
    GUIDE_READY(Owner.MODERATOR, -49),
    RECRUITING_STARTED(Owner.ORGANISATION, -42),
    PARTICIPANTS_INFORMED(Owner.ORGANISATION, -14),
    LISTENERS_INVITED(Owner.ORGANISATION, -10),
    MEETING(Owner.MODERATOR, 0),
    REPORT_DRAFT(Owner.MODERATOR, 10),
    REPORT_PUBLISHED(Owner.MODERATOR, 21),
    FOLLOW_UP_CHECK(Owner.ORGANISATION, 42),
    LETTER_SENT(Owner.ORGANISATION, 49);

    /** Who does it: the moderator (often from outside) or the organisation that holds the meeting. */
    public enum Owner { MODERATOR, ORGANISATION }

    public final Owner owner;
    public final int daysFromMeeting;

    Milestone(Owner owner, int daysFromMeeting) {
        this.owner = owner;
        this.daysFromMeeting = daysFromMeeting;
    }
}
