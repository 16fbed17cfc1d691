package nl.spiegel.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.spiegel.meeting.Report;

/** A report made ready for its template: labels in its language, dates, and the chart's bars. */
public record ReportPage(Report report, Map<String, String> label, String date, String version, List<Bar> bars,
                         int chartHeight, String balanceIndex, String moderatorShare, String lang) {

    /** One bar of the speaking-time chart, in the SVG's coordinates. */
    public record Bar(String pseudonym, int y, int width, String percent, int turns, String time) {}

    static final int BAR_HEIGHT = 22;
    static final int BAR_WIDTH = 360;

    public static ReportPage of(Report report, String language, ZoneId zone) {
        String lang = "en".equals(language) ? "en" : "nl";
        Map<String, String> label = "en".equals(lang) ? EN : NL;
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Report.Share share : report.participation().shares()) {
            bars.add(new Bar(share.pseudonym(), y, (int) Math.round(share.share() * BAR_WIDTH),
                    Math.round(share.share() * 100) + "%", share.turns(), minutes(share.speakingMs())));
            y += BAR_HEIGHT + 6;
        }
        Locale locale = Locale.forLanguageTag(lang);
        Instant when = report.openedAt() != null ? report.openedAt() : report.scheduledStart();
        String date = when == null ? "–" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(when.atZone(zone));
        String version = report.version() == 0 ? label.get("draft")
                : label.get("version") + " " + report.version() + ", " + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(locale).format(report.finalizedAt().atZone(zone));
        return new ReportPage(report, label, date, version, bars, Math.max(y, BAR_HEIGHT), percent(report.participation().balanceIndex(), false),
                percent(report.participation().moderatorShare(), true), lang);
    }

    private static String percent(Double value, boolean asPercent) {
        if (value == null) {
            return "–";
        }
        return asPercent ? Math.round(value * 100) + "%" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String minutes(long ms) {
        long seconds = ms / 1000;
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }

    private static final Map<String, String> NL = Map.ofEntries(
            Map.entry("report", "Verslag van het spiegelgesprek"), Map.entry("draft", "Concept"),
            Map.entry("version", "Versie"), Map.entry("facts", "Gegevens"), Map.entry("date", "Datum"),
            Map.entry("targetGroup", "Doelgroep"), Map.entry("goal", "Doel"), Map.entry("participants", "Deelnemers"),
            Map.entry("listeners", "Toehoorders"), Map.entry("summary", "Samenvatting"),
            Map.entry("themes", "Wat de deelnemers vertelden"), Map.entry("general", "Algemeen"),
            Map.entry("strengths", "Sterke punten"), Map.entry("improvementPoints", "Verbeterpunten"),
            Map.entry("wishes", "Wensen"), Map.entry("quotes", "Citaten"), Map.entry("other", "Overig"),
            Map.entry("nothing", "Geen notities."), Map.entry("participation", "Deelname aan het gesprek"),
            Map.entry("chart", "Aandeel in de spreektijd van de deelnemers"), Map.entry("turns", "beurten"),
            Map.entry("balance", "Balans in de groep (1 = iedereen even lang)"),
            Map.entry("moderatorShare", "Aandeel van de gespreksleider in de spreektijd"),
            Map.entry("questions", "Verhelderende vragen van toehoorders"), Map.entry("answered", "beantwoord"),
            Map.entry("notAnswered", "niet beantwoord"), Map.entry("noQuestions", "Geen vragen."),
            Map.entry("conclusions", "Conclusies"), Map.entry("norms", "Concept-servicenormen"),
            Map.entry("privacy", "Deelnemers staan in dit verslag alleen met hun voornaam of plaats."),
            Map.entry("letter", "Bedankt voor uw bijdrage"), Map.entry("dear", "Beste deelnemer,"),
            Map.entry("thanks", "Hartelijk dank dat u meedeed aan het spiegelgesprek"),
            Map.entry("thanks2", "Uw ervaringen helpen ons om onze dienstverlening te verbeteren. Medewerkers van de organisatie hebben goed naar u geluisterd."),
            Map.entry("heard", "Wat we van u hoorden"), Map.entry("next", "Wat we nu gaan doen"),
            Map.entry("due", "uiterlijk"), Map.entry("noActions", "We werken de verbeterpunten nu uit. U hoort van ons wat we gaan doen."),
            Map.entry("regards", "Met vriendelijke groet,"), Map.entry("sender", "De gespreksleider"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("report", "Report of the mirror meeting"), Map.entry("draft", "Draft"),
            Map.entry("version", "Version"), Map.entry("facts", "Facts"), Map.entry("date", "Date"),
            Map.entry("targetGroup", "Target group"), Map.entry("goal", "Goal"), Map.entry("participants", "Participants"),
            Map.entry("listeners", "Listeners"), Map.entry("summary", "Summary"),
            Map.entry("themes", "What the participants told"), Map.entry("general", "General"),
            Map.entry("strengths", "Strengths"), Map.entry("improvementPoints", "Improvement points"),
            Map.entry("wishes", "Wishes"), Map.entry("quotes", "Quotes"), Map.entry("other", "Other"),
            Map.entry("nothing", "No notes."), Map.entry("participation", "Participation in the conversation"),
            Map.entry("chart", "Share of the participants' speaking time"), Map.entry("turns", "turns"),
            Map.entry("balance", "Balance in the group (1 = everyone equally long)"),
            Map.entry("moderatorShare", "Moderator's share of the speaking time"),
            Map.entry("questions", "Clarifying questions from listeners"), Map.entry("answered", "answered"),
            Map.entry("notAnswered", "not answered"), Map.entry("noQuestions", "No questions."),
            Map.entry("conclusions", "Conclusions"), Map.entry("norms", "Concept service norms"),
            Map.entry("privacy", "Participants appear in this report by first name or seat only."),
            Map.entry("letter", "Thank you for your contribution"), Map.entry("dear", "Dear participant,"),
            Map.entry("thanks", "Thank you very much for taking part in the mirror meeting"),
            Map.entry("thanks2", "Your experiences help us improve our service. Staff of the organisation listened to you carefully."),
            Map.entry("heard", "What we heard from you"), Map.entry("next", "What we will do now"),
            Map.entry("due", "by"), Map.entry("noActions", "We are working out the improvement points now. You will hear from us what we will do."),
            Map.entry("regards", "Kind regards,"), Map.entry("sender", "The moderator"));
}
