package nl.spiegel.prep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.spiegel.meeting.Meeting.Theme;
import nl.spiegel.meeting.Preparation.SurveyScore;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Rejection.BadRow;
import nl.spiegel.meeting.Rejection.RowProblem;

/**
 * Reads a satisfaction survey's scores from a CSV file as spreadsheets write it: three columns
 * (theme, score, number of respondents), separated by commas, semicolons (Dutch Excel, with a
 * decimal comma) or tabs, quoted where needed, a header row or not. A theme is named by its title
 * in the guide or by its id. Every row that cannot be read is named, and then nothing is taken.
 */
final class SurveyCsv {

    private SurveyCsv() {}

    /** Lines a file may have: one per theme, with room for a header and blank lines. */
    static final int MAX_LINES = 200;
    /** Bad rows named in one answer; the first few are enough to fix a file. */
    static final int MAX_NAMED = 20;

    static List<SurveyScore> read(String csv, List<Theme> guide) {
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        String[] lines = text.split("\r\n|\n|\r", -1);
        if (lines.length > MAX_LINES) {
            throw Rejection.invalid("file", new Rejection.Detail.AtMost(MAX_LINES)).refused();
        }
        char separator = separator(lines);
        List<SurveyScore> scores = new ArrayList<>();
        List<BadRow> bad = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int row = i + 1;
            List<String> cells = cells(lines[i], separator);
            while (cells.size() > 3 && cells.getLast().isBlank()) {
                cells.removeLast();
            }
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            boolean header = first && (cells.size() < 2 || number(cells.get(1), false).isEmpty());
            first = false;
            if (header) {
                continue;
            }
            if (cells.size() != 3) {
                bad.add(new BadRow(row, RowProblem.COLUMNS, null, null));
                continue;
            }
            String name = cells.get(0).strip();
            Optional<Theme> theme = guide.stream().filter(t -> t.id().equalsIgnoreCase(name) || t.title().equalsIgnoreCase(name))
                    .findFirst();
            if (theme.isEmpty()) {
                bad.add(new BadRow(row, RowProblem.UNKNOWN_THEME, "1", name));
                continue;
            }
            if (!seen.add(theme.get().id())) {
                bad.add(new BadRow(row, RowProblem.DUPLICATE, "1", name));
                continue;
            }
            Optional<BigDecimal> score = number(cells.get(1), false);
            Optional<BigDecimal> respondents = number(cells.get(2), true);
            if (score.isEmpty()) {
                bad.add(new BadRow(row, RowProblem.NOT_A_NUMBER, "2", cells.get(1).strip()));
            } else if (score.get().signum() < 0 || score.get().compareTo(BigDecimal.valueOf(100)) > 0) {
                bad.add(new BadRow(row, RowProblem.OUT_OF_RANGE, "2", cells.get(1).strip()));
            } else if (respondents.isEmpty() || respondents.get().stripTrailingZeros().scale() > 0) {
                bad.add(new BadRow(row, RowProblem.NOT_A_NUMBER, "3", cells.get(2).strip()));
            } else if (respondents.get().compareTo(BigDecimal.ONE) < 0 || respondents.get().compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
                bad.add(new BadRow(row, RowProblem.OUT_OF_RANGE, "3", cells.get(2).strip()));
            } else {
                scores.add(new SurveyScore(theme.get().id(), score.get().doubleValue(), respondents.get().intValueExact()));
            }
        }
        if (!bad.isEmpty()) {
            throw Rejection.invalid("file", new Rejection.Detail.BadRows(List.copyOf(bad.subList(0, Math.min(bad.size(), MAX_NAMED)))))
                    .refused();
        }
        if (scores.isEmpty()) {
            throw Rejection.invalid("file", new Rejection.Detail.Needed()).refused();
        }
        return List.copyOf(scores);
    }

    /** The separator of the first line that has one: a semicolon, a tab, or else a comma. */
    private static char separator(String[] lines) {
        for (String line : lines) {
            if (line.indexOf(';') >= 0) {
                return ';';
            }
            if (line.indexOf('\t') >= 0) {
                return '\t';
            }
            if (line.indexOf(',') >= 0) {
                return ',';
            }
        }
        return ',';
    }

    /** The cells of one line; a quoted cell may hold the separator, and "" stands for one quote. */
    private static List<String> cells(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /**
     * A number as people type it: "7,4" or "7.4", "82%"; a {@code whole} number may group its
     * thousands: "1.250" or "1 250".
     */
    static Optional<BigDecimal> number(String value, boolean whole) {
        String v = value.strip().replace("\u00A0", " ");
        if (v.endsWith("%")) {
            v = v.substring(0, v.length() - 1).strip();
        }
        if (whole && v.matches("\\d{1,3}([. ]\\d{3})+")) {
            v = v.replace(".", "").replace(" ", "");
        }
        v = v.replace(',', '.');
        if (!v.matches("-?\\d+(\\.\\d+)?") || v.length() > 20) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(v));
    }
}
