package nl.spiegel.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.spiegel.meeting.Report;
import java.text.NumberFormat;

/**
 * A report made ready for its template: dates in its language, and the chart's bars. The words are
 * the template's, from {@link ReportLabels} in {@link #locale()}.
 */
public record ReportPage(Report report, String date, String version, List<Bar> bars,
                         int chartHeight, String balanceIndex, String moderatorShare, String lang) {

    /** One bar of the speaking-time chart, in the SVG's coordinates; without a name when the report shows none. */
    public record Bar(String pseudonym, int y, int width, String percent, int turns, String time) {}

    /** The chart's width: names on the left, bars, then the figures with room to spare. */
    public static final int CHART_WIDTH = 720;

    static final int BAR_HEIGHT = 22;
    static final int BAR_WIDTH = 360;

    public static ReportPage of(Report report, String language, ZoneId zone) {
        String lang = "en".equals(language) ? "en" : "nl";
        ReportLabels label = MessageBundles.get(ReportLabels.class, Localized.Literal.of(lang));
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Report.Share share : report.participation().shares()) {
            bars.add(new Bar(share.pseudonym() == null ? "" : share.pseudonym(), y, (int) Math.round(share.share() * BAR_WIDTH),
                    Math.round(share.share() * 100) + "%", share.turns(), minutes(share.speakingMs())));
            y += BAR_HEIGHT + 6;
        }
        Locale locale = Locale.forLanguageTag(lang);
        Instant when = report.openedAt() != null ? report.openedAt() : report.scheduledStart();
        String date = when == null ? "–" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(when.atZone(zone));
        String version = report.version() == 0 ? label.draft()
                : label.version() + " " + report.version() + ", " + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(locale).format(report.finalizedAt().atZone(zone));
        return new ReportPage(report, date, version, bars, Math.max(y, BAR_HEIGHT), percent(report.participation().balanceIndex(), false, locale),
                percent(report.participation().moderatorShare(), true, locale), lang);
    }

    /** A day as people write it in the page's language: "31 januari 2027". */
    public String day(java.time.LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(date);
    }

    /** A survey's score as people write it in the page's language: "7,4" in Dutch, "7.4" in English. */
    public String score(double score) {
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(2);
        return format.format(score);
    }

    /** The language of the page, for the template's words. */
    public Locale locale() {
        return Locale.forLanguageTag(lang);
    }

    /** In the page's language: "0,65" in Dutch, "0.65" in English. */
    private static String percent(Double value, boolean asPercent, Locale locale) {
        if (value == null) {
            return "–";
        }
        return asPercent ? Math.round(value * 100) + "%" : String.format(locale, "%.2f", value);
    }

    private static String minutes(long ms) {
        long seconds = ms / 1000;
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }
}
