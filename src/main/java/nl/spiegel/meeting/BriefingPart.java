package nl.spiegel.meeting;

/**
 * The parts of the briefing for participants, in the order it reads: what a mirror meeting is, why
 * they are invited, who is present, who moderates, the ground rules, privacy, practicalities.
 */
public enum BriefingPart {
    ABOUT, WHY_YOU, WHO, MODERATOR, RULES, PRIVACY, PRACTICAL
}
