package nl.spiegel.report;

import nl.spiegel.meeting.Meeting;

/** The turns of a meeting as CSV (RFC 4180): one row per stretch of speaking. */
final class TurnsCsv {

    private TurnsCsv() {}

    static final String HEADER = "start,end,seat,participant,theme,duration_seconds";

    static String of(Meeting m) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Meeting.Turn turn : m.floor().turnsUntil(m.lastAt())) {
            Meeting.Participant p = turn.participantId() == null ? null : m.participant(turn.participantId()).orElse(null);
            String theme = turn.themeId() == null ? "" : m.theme(turn.themeId()).map(Meeting.Theme::title).orElse("");
            csv.append(turn.start()).append(',').append(turn.end()).append(',')
                    .append(p == null || p.seat() == null ? "" : String.valueOf(p.seat())).append(',')
                    .append(quote(turn.participantId() == null ? "moderator" : p == null ? "" : p.pseudonym())).append(',')
                    .append(quote(theme)).append(',').append(ExportResource.seconds(turn.duration())).append("\r\n");
        }
        return csv.toString();
    }

    /** Quotes a field when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
    static String quote(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
