package nl.spiegel.report;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the report and the thank-you letter, in Dutch; {@link EnglishReportLabels} has the
 * English. Templates use them as {@code {label:summary}}, in the language set on the template.
 */
@MessageBundle(value = "label", locale = "nl")
public interface ReportLabels {

    @Message("Verslag")
    String report();

    @Message("Concept")
    String draft();

    @Message("Versie")
    String version();

    @Message("Gegevens")
    String facts();

    @Message("Datum")
    String date();

    @Message("Doelgroep")
    String targetGroup();

    @Message("Doel")
    String goal();

    @Message("Deelnemers")
    String participants();

    @Message("Toehoorders")
    String listeners();

    @Message("Samenvatting")
    String summary();

    @Message("Wat de deelnemers vertelden")
    String themes();

    @Message("Algemeen")
    String general();

    @Message("Sterke punten")
    String strengths();

    @Message("Verbeterpunten")
    String improvementPoints();

    @Message("Wensen")
    String wishes();

    @Message("Citaten")
    String quotes();

    @Message("Overig")
    String other();

    @Message("Geen notities.")
    String nothing();

    @Message("Deelname aan het gesprek")
    String participation();

    @Message("Aandeel in de spreektijd van de deelnemers")
    String chart();

    @Message("beurten")
    String turns();

    @Message("Van groot naar klein, zonder namen: zo ziet u hoe gelijk de tijd verdeeld was, niet wie weinig zei.")
    String chartWithoutNames();

    @Message("{underHalf} van de {participants} deelnemers spraken minder dan de helft van een gelijk deel van de tijd.")
    String spread(int underHalf, int participants);

    @Message("Wat er met uw inbreng gebeurt, leest u op deze pagina. Scan de code met de camera van uw telefoon, of typ het adres over. De pagina wordt bijgewerkt zodra er iets verandert.")
    String followUp();

    @Message("Wat de deelnemers het belangrijkst vonden")
    String roundUp();

    @Message("Servicenormen die de deelnemers toetsten")
    String normsEvaluated();

    @Message("Gehaald")
    String verdictMet();

    @Message("Niet gehaald")
    String verdictNotMet();

    @Message("Niet duidelijk")
    String verdictUnclear();

    @Message("Onderwerpen van toehoorders")
    String topics();

    @Message("Hoe vond u het gesprek?")
    String evaluationCard();

    @Message("Zet een kruisje: 1 is helemaal niet, 5 is helemaal wel. Uw naam hoeft er niet op.")
    String evaluationScale();

    @Message("Liever op uw telefoon? Scan de code.")
    String evaluationPhone();

    @Message("Hoe de deelnemers het gesprek vonden")
    String evaluation();

    @Message("{n} deelnemers vulden de evaluatie in.")
    String evaluationAnswers(int n);

    @Message("Ik voelde me gehoord")
    String evalHeard();

    @Message("Er was genoeg tijd")
    String evalTime();

    @Message("Ik kreeg vooraf duidelijke informatie")
    String evalInformation();

    @Message("Ik zou weer meedoen")
    String evalAgain();

    @Message("gemiddeld {average} van 5 ({answers} antwoorden)")
    String average(String average, int answers);

    @Message("Opmerkingen")
    String remarks();

    @Message("Bijlage: wat de toehoorders meenamen")
    String takeAways();

    @Message("{n} toehoorders schreven op wat zij meenamen. Er staat niet bij wie wat schreef.")
    String takeAwaysWriters(int n);

    @Message("Eyeopener")
    String eyeopener();

    @Message("Wat ik anders ga doen")
    String doDifferently();

    @Message("Verder")
    String freeTakeAway();

    @Message("Klanttevredenheidsonderzoek: {score} ({respondents} respondenten)")
    String survey(String score, int respondents);

    @Message("na afloop schriftelijk beantwoord")
    String answeredInWriting();

    @Message("Nogmaals dank voor uw openheid. Heeft u nog vragen, dan hoor ik dat graag.")
    String closing();

    @Message("Balans in de groep (1 = iedereen even lang)")
    String balance();

    @Message("Aandeel van de gespreksleider in de spreektijd")
    String moderatorShare();

    @Message("Verhelderende vragen van toehoorders")
    String questions();

    @Message("beantwoord")
    String answered();

    @Message("niet beantwoord")
    String notAnswered();

    @Message("Antwoord")
    String answer();

    @Message("Geen vragen.")
    String noQuestions();

    @Message("Conclusies")
    String conclusions();

    @Message("Voorstellen voor servicenormen")
    String norms();

    @Message("Deelnemers staan in dit verslag alleen met hun voornaam of plaats.")
    String privacy();

    @Message("Bedankt voor uw bijdrage")
    String letter();

    @Message("Beste deelnemer,")
    String dear();

    @Message("Hartelijk dank dat u meedeed aan het spiegelgesprek")
    String thanks();

    @Message("Uw ervaringen helpen ons om onze dienstverlening te verbeteren. Medewerkers van de organisatie hebben goed naar u geluisterd.")
    String thanks2();

    @Message("Wat we van u hoorden")
    String heard();

    @Message("Wat we nu gaan doen")
    String next();

    @Message("uiterlijk")
    String due();

    @Message("Dit gaan we doen. Bij elke afspraak staat wie het doet en wanneer het klaar is.")
    String commitments();

    @Message("We werken de verbeterpunten nu uit. U hoort van ons wat we gaan doen.")
    String noActions();

    @Message("Met vriendelijke groet,")
    String regards();

    @Message("De gespreksleider")
    String sender();
}
