package nl.spiegel.prep;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The participants' briefing as Spiegel writes it from the meeting's facts, in Dutch (plain B1);
 * {@link EnglishBriefingTexts} has the English. The organiser may rewrite any part; this is where
 * they start from.
 */
@MessageBundle(value = "briefing", locale = "nl")
public interface BriefingTexts {

    @Message("Informatie voor deelnemers")
    String title();

    @Message("Wat is een spiegelgesprek?")
    String aboutHeading();

    @Message("Waarom bent u uitgenodigd?")
    String whyYouHeading();

    @Message("Wie zijn er?")
    String whoHeading();

    @Message("Wie leidt het gesprek?")
    String moderatorHeading();

    @Message("Afspraken in het gesprek")
    String rulesHeading();

    @Message("Uw privacy")
    String privacyHeading();

    @Message("Praktisch")
    String practicalHeading();

    @Message("Een spiegelgesprek is een gesprek met een kleine groep cliënten, zoals u. U vertelt over uw ervaringen met "
            + "{organisation}: wat goed gaat en wat beter kan. Medewerkers van {organisation} luisteren mee, maar praten niet "
            + "mee. Zo horen zij wat u nodig hebt, en kunnen zij hun werk beter doen.")
    String about(String organisation);

    @Message("U bent uitgenodigd omdat u zelf ervaring hebt met {organisation}{#if targetGroup}, als {targetGroup}{/if}. "
            + "Uw ervaring telt: in dit gesprek bent u de deskundige.{#if goal}\n\nHet doel van het gesprek: {goal}{/if}")
    String whyYou(String organisation, String targetGroup, String goal);

    @Message("Er doen {participants} deelnemers mee. U zit samen in een halve kring. Om de kring heen zitten medewerkers "
            + "van {organisation}. Zij luisteren alleen. Aan het eind mogen zij een paar vragen stellen, alleen om iets beter "
            + "te begrijpen.")
    String who(String organisation, String participants);

    @Message("Een onafhankelijke gespreksleider leidt het gesprek. De gespreksleider werkt niet voor {organisation} en "
            + "kiest geen partij. Hij of zij zorgt dat iedereen aan het woord komt en dat het gesprek veilig is.")
    String moderator(String organisation);

    @Message("In het gesprek gebruiken we alleen uw voornaam, of een andere naam die u kiest. In het verslag staan geen "
            + "namen. We vragen geen adres, e-mailadres of telefoonnummer en we bewaren ze niet. Wat u vertelt, blijft in de "
            + "groep. U mag altijd afzeggen of stoppen, zonder te zeggen waarom.")
    String privacy();

    @Message("Wanneer: {when}. Het gesprek duurt ongeveer {minutes} minuten.\nWaar: {place}.{#if online}\n"
            + "Sommige medewerkers luisteren mee via een videoverbinding. U hoeft daar niets voor te doen.{/if}\n"
            + "Als dank voor uw tijd krijgt u een kleine attentie.")
    String practical(String when, int minutes, String place, boolean online);


    @Message("de organisatie")
    String someOrganisation();

    @Message("8 tot 12")
    String someParticipants();

    @Message("de datum volgt nog")
    String dateUnknown();

    @Message("de plaats volgt nog")
    String placeUnknown();

    @Message("om")
    String at();
}
