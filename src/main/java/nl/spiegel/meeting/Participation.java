package nl.spiegel.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import nl.spiegel.meeting.Meeting.Participant;
import nl.spiegel.meeting.Meeting.Speaker;
import nl.spiegel.meeting.Meeting.Turn;

/**
 * Who spoke how much, derived from the turns at a moment {@code now}. Only moderators see this:
 * it is never part of a listener's or the display's view.
 *
 * <p>The <b>balance index</b> is the normalised Shannon entropy of the participants' shares of
 * speaking time: {@code -Σ pᵢ ln pᵢ / ln N} over all N participants in the circle. It is 1 when
 * everyone spoke equally long and falls towards 0 as fewer voices take up the time. It is absent
 * while nobody has spoken or when fewer than two participants sit in the circle.
 */
public record Participation(
        Duration elapsed,
        Duration participantsTime,
        Duration moderatorTime,
        Double moderatorShare,
        Double balanceIndex,
        List<Entry> participants) {

    /**
     * @param share         of all participants' speaking time, 0 to 1
     * @param fairShare     1 / number of participants
     * @param sinceLastTurn time since this participant last stopped speaking; zero while speaking;
     *                      absent when never spoken
     */
    public record Entry(String participantId, String pseudonym, int seat, Duration speakingTime, int turns,
                        double share, double fairShare, Duration sinceLastTurn, boolean neverSpoken,
                        boolean speaking, List<String> themes) {}

    public static Participation of(Meeting m, Instant now) {
        Instant until = m.endedAt() != null ? m.endedAt() : max(now, m.lastAt());
        List<Turn> turns = new ArrayList<>(m.floor().turns());
        Speaker speaker = m.floor().speaker();
        if (speaker != null) {
            turns.add(new Turn(speaker.participantId(), speaker.themeId(), speaker.since(), until, speaker.continued()));
        }
        Duration moderatorTime = Duration.ZERO;
        Duration participantsTime = Duration.ZERO;
        for (Turn turn : turns) {
            if (turn.participantId() == null) {
                moderatorTime = moderatorTime.plus(turn.duration());
            } else {
                participantsTime = participantsTime.plus(turn.duration());
            }
        }
        List<Participant> circle = m.participants().stream().sorted(Comparator.comparingInt(Participant::seat)).toList();
        double fairShare = circle.isEmpty() ? 0 : 1.0 / circle.size();
        List<Entry> entries = new ArrayList<>(circle.size());
        double entropy = 0;
        for (Participant p : circle) {
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
            boolean speaking = speaker != null && p.id().equals(speaker.participantId());
            double share = participantsTime.isZero() ? 0 : (double) time.toNanos() / participantsTime.toNanos();
            if (share > 0) {
                entropy -= share * Math.log(share);
            }
            Duration since = speaking ? Duration.ZERO : lastEnd == null ? null : Duration.between(lastEnd, until);
            entries.add(new Entry(p.id(), p.pseudonym(), p.seat(), time, count, share, fairShare, since, count == 0,
                    speaking, List.copyOf(themes)));
        }
        Duration talk = moderatorTime.plus(participantsTime);
        Double moderatorShare = talk.isZero() ? null : (double) moderatorTime.toNanos() / talk.toNanos();
        Double balance = participantsTime.isZero() || circle.size() < 2 ? null : entropy / Math.log(circle.size());
        Duration elapsed = m.openedAt() == null ? Duration.ZERO : Duration.between(m.openedAt(), until);
        return new Participation(elapsed, participantsTime, moderatorTime, moderatorShare, balance, List.copyOf(entries));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
