package nl.spiegel.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import nl.spiegel.meeting.Meeting.Participant;
import nl.spiegel.meeting.Meeting.Turn;

/**
 * Who spoke how much, derived from the turns at a moment {@code now}. Only moderators see this:
 * it is never part of a listener's or the display's view.
 *
 * <p>Who counts: the N participants in the circle (with a seat); a no-show or one who declined has
 * none. Each counts from the opening, a late arrival from the moment they came in. A participant's
 * <b>fair share</b> {@code qᵢ} is their part of the time present in all: {@code 1/N} when everyone
 * was there from the start, less for one who came late.
 *
 * <p>The <b>balance index</b> compares the shares of speaking time {@code pᵢ} with the fair shares:
 * {@code 1 − KL(p‖q) / ln N}, where {@code KL(p‖q) = Σ pᵢ ln(pᵢ/qᵢ)}, and 0 where that falls below
 * 0. With everyone present from the start it is the normalised Shannon entropy
 * {@code −Σ pᵢ ln pᵢ / ln N}. It is 1 when everyone spoke in proportion to the time they were there
 * and falls towards 0 as fewer voices take up the time. It is absent while nobody has spoken or when
 * fewer than two participants sit in the circle.
 */
public record Participation(
        Duration elapsed,
        Duration participantsTime,
        Duration moderatorTime,
        Double moderatorShare,
        Double balanceIndex,
        List<Entry> participants,
        List<Nudge> nudges) {

    /** Below half a fair share a voice is hardly heard; above 1.6 times it takes more than its part. */
    static final double UNDER_FAIR = 0.5;
    static final double OVER_FAIR = 1.6;
    /** Nudges during the conversation: nobody silent this long, nobody never heard after this long. */
    static final Duration NEVER_SPOKEN_AFTER = Duration.ofMinutes(10);
    static final Duration QUIET_AFTER = Duration.ofMinutes(12);
    /** Once the participants talked this long, more than twice a fair share is a nudge. */
    static final Duration DOMINANT_AFTER = Duration.ofMinutes(3);
    static final double DOMINANT_FAIR = 2;

    /** How a participant's share compares with a fair share, as the seat shows it. */
    public enum Tone { NEVER, UNDER, FAIR, OVER }

    public enum NudgeKind { NEVER_SPOKEN, QUIET, DOMINANT, THEME_OVER }

    /**
     * A gentle hint for the moderator, shown from the moment {@code from} on (which may lie ahead:
     * clients show it when their clock passes it). {@code participantId} is absent for the theme.
     */
    public record Nudge(NudgeKind kind, @Nullable String participantId, Instant from) {}

    /**
     * @param share         of all participants' speaking time, 0 to 1
     * @param fairShare     their part of the time present in all: 1 / number of participants when
     *                      everyone was there from the opening
     * @param sinceLastTurn time since this participant last stopped speaking; zero while speaking;
     *                      absent when never spoken
     */
    public record Entry(String participantId, String pseudonym, int seat, Duration speakingTime, int turns,
                        double share, double fairShare, Duration sinceLastTurn, boolean neverSpoken,
                        boolean speaking, List<String> themes, Tone tone) {}

    public static Participation of(Meeting m, Instant now) {
        Instant until = m.endedAt() != null ? m.endedAt() : max(now, m.lastAt());
        List<Turn> turns = m.floor().turnsUntil(until);
        String speaking = m.floor().speaker() instanceof Floor.Speaking s ? s.participantId() : null;
        Duration moderatorTime = Duration.ZERO;
        Duration participantsTime = Duration.ZERO;
        for (Turn turn : turns) {
            if (turn.participantId() == null) {
                moderatorTime = moderatorTime.plus(turn.duration());
            } else {
                participantsTime = participantsTime.plus(turn.duration());
            }
        }
        List<Participant> circle = m.circle();
        double[] fair = fairShares(m, circle, until);
        List<Entry> entries = new ArrayList<>(circle.size());
        double divergence = 0;
        for (int i = 0; i < circle.size(); i++) {
            Participant p = circle.get(i);
            Duration time = Duration.ZERO;
            int count = 0;
            Instant lastEnd = null;
            Set<String> themes = new LinkedHashSet<>();
            for (Turn turn : turns) {
                if (!p.id().equals(turn.participantId())) {
                    continue;
                }
                time = time.plus(turn.duration());
                count += turn.continued() ? 0 : 1;
                lastEnd = lastEnd == null || turn.end().isAfter(lastEnd) ? turn.end() : lastEnd;
                if (turn.themeId() != null) {
                    themes.add(turn.themeId());
                }
            }
            boolean speaks = p.id().equals(speaking);
            double share = participantsTime.isZero() ? 0 : (double) time.toNanos() / participantsTime.toNanos();
            if (share > 0) {
                divergence += fair[i] > 0 ? share * Math.log(share / fair[i]) : Double.POSITIVE_INFINITY;
            }
            Duration since = speaks ? Duration.ZERO : lastEnd == null ? null : Duration.between(lastEnd, until);
            entries.add(new Entry(p.id(), p.pseudonym(), p.seat(), time, count, share, fair[i], since, count == 0,
                    speaks, List.copyOf(themes), tone(count == 0, share, fair[i])));
        }
        Duration talk = moderatorTime.plus(participantsTime);
        Double moderatorShare = talk.isZero() ? null : (double) moderatorTime.toNanos() / talk.toNanos();
        Double balance = participantsTime.isZero() || circle.size() < 2 ? null
                : Math.max(0, 1 - divergence / Math.log(circle.size()));
        Duration elapsed = m.openedAt() == null ? Duration.ZERO : Duration.between(m.openedAt(), until);
        return new Participation(elapsed, participantsTime, moderatorTime, moderatorShare, balance, List.copyOf(entries),
                nudges(m, entries, participantsTime, until));
    }

    /**
     * Each participant's part of the time present in all: from the opening (a late arrival from
     * coming in) until {@code until}. Equal shares before the opening, or at its very moment.
     */
    private static double[] fairShares(Meeting m, List<Participant> circle, Instant until) {
        double[] fair = new double[circle.size()];
        double total = 0;
        for (int i = 0; i < circle.size(); i++) {
            fair[i] = presentFor(m, circle.get(i), until);
            total += fair[i];
        }
        for (int i = 0; i < fair.length; i++) {
            fair[i] = total > 0 ? fair[i] / total : 1.0 / fair.length;
        }
        return fair;
    }

    private static double presentFor(Meeting m, Participant p, Instant until) {
        if (m.openedAt() == null) {
            return 0;
        }
        Instant from = p.arrivedAt() != null && p.arrivedAt().isAfter(m.openedAt()) ? p.arrivedAt() : m.openedAt();
        return Math.max(0, Duration.between(from, until).toMillis());
    }

    private static Tone tone(boolean never, double share, double fairShare) {
        if (never) {
            return Tone.NEVER;
        }
        if (fairShare == 0) {
            return Tone.FAIR;
        }
        double ratio = share / fairShare;
        return ratio < UNDER_FAIR ? Tone.UNDER : ratio > OVER_FAIR ? Tone.OVER : Tone.FAIR;
    }

    /** The nudges of the conversation: only then does the moderator steer who speaks. */
    private static List<Nudge> nudges(Meeting m, List<Entry> entries, Duration participantsTime, Instant until) {
        if (m.phase() != Phase.CONVERSATION || m.openedAt() == null) {
            return List.of();
        }
        List<Nudge> nudges = new ArrayList<>();
        boolean talkedLong = participantsTime.compareTo(DOMINANT_AFTER) > 0;
        for (Entry e : entries) {
            if (e.neverSpoken()) {
                Instant from = m.participant(e.participantId()).map(Participant::arrivedAt).filter(m.openedAt()::isBefore)
                        .orElse(m.openedAt());
                nudges.add(new Nudge(NudgeKind.NEVER_SPOKEN, e.participantId(), from.plus(NEVER_SPOKEN_AFTER)));
            } else if (!e.speaking()) {
                nudges.add(new Nudge(NudgeKind.QUIET, e.participantId(), until.minus(e.sinceLastTurn()).plus(QUIET_AFTER)));
            }
            if (talkedLong && e.fairShare() > 0 && e.share() > DOMINANT_FAIR * e.fairShare()) {
                nudges.add(new Nudge(NudgeKind.DOMINANT, e.participantId(), until));
            }
        }
        Themes clock = m.themeClock();
        m.theme(m.currentThemeId()).ifPresent(theme -> nudges.add(new Nudge(NudgeKind.THEME_OVER, null, clock.since()
                .plus(Duration.ofMinutes(theme.minutes())).minus(clock.spent().getOrDefault(theme.id(), Duration.ZERO)))));
        return List.copyOf(nudges);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
