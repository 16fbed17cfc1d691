package nl.spiegel.words;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the server says to people, in Dutch (the default, plain B1); {@link EnglishTexts} has the
 * English ({@link Wording#in} gives either). The core gives codes and arguments; {@link Wording} picks
 * the words here.
 */
@MessageBundle(value = "texts", locale = "nl")
public interface Texts {

    @Message("Dit gesprek bestaat niet.")
    String notFound();

    @Message("Dit gesprek bestaat al.")
    String alreadyExists();

    @Message("Dit mag u in uw rol niet doen.")
    String forbidden();

    @Message("Deze waarde klopt niet.")
    String invalid();

    @Message("Dit kan niet in deze fase van het gesprek.")
    String wrongPhase();

    @Message("Het gesprek kan vanaf hier niet naar die fase.")
    String illegalTransition();

    @Message("Deze deelnemer bestaat niet.")
    String unknownParticipant();

    @Message("Dit thema staat niet in de gespreksleidraad.")
    String unknownTheme();

    @Message("Deze notitie bestaat niet.")
    String unknownNote();

    @Message("Deze vraag bestaat niet.")
    String unknownQuestion();

    @Message("Dit onderwerp bestaat niet.")
    String unknownTopic();

    @Message("De kring is vol: hooguit {max} deelnemers.")
    String circleFull(int max);

    @Message("Die plaats is al bezet.")
    String seatTaken();

    @Message("Een andere deelnemer heeft die naam al.")
    String pseudonymTaken();

    @Message("Deze deelnemer heeft al gesproken en blijft in het verslag.")
    String hasSpoken();

    @Message("Dit thema is al besproken en blijft in de leidraad.")
    String themeStarted();

    @Message("De leidraad heeft het hoogste aantal thema's: {max}.")
    String guideFull(int max);

    @Message("Er is geen volgend thema in de leidraad.")
    String noNextTheme();

    @Message("Er wacht niemand om te spreken.")
    String queueEmpty();

    @Message("Dit is niet uw vraag.")
    String notYours();

    @Message("Dit kan niet met de vraag in deze status.")
    String questionStatus();

    @Message("U heeft het hoogste aantal wachtende vragen ({max}); wacht op de gespreksleider.")
    String tooManyQuestions(int max);

    @Message("Onderwerpen aandragen is gesloten.")
    String topicsClosed();

    @Message("Meld u eerst aan bij het gesprek.")
    String notJoined();

    @Message("Aanmelden voor dit gesprek is gesloten.")
    String joiningClosed();

    @Message("Het gesprek heeft het hoogste aantal toehoorders.")
    String listenersFull();

    @Message("Deze actie bestaat niet.")
    String unknownAction();

    @Message("Deze servicenorm is er niet, of staat niet op de leidraad van dit gesprek.")
    String unknownNorm();

    @Message("Dit gesprek toetst al {max} servicenormen; meer kan niet.")
    String normsFull(int max);

    @Message("Over deze servicenorm is al een oordeel gegeven; ze blijft op de leidraad.")
    String normEvaluated();

    @Message("De brief heeft al {max} versies; meer worden niet bewaard.")
    String letterFull(int max);

    @Message("Er zijn al {max} plaatsen voor deelnemers; meer kan niet.")
    String placesFull(int max);

    @Message("Deze deelnemer heeft geen plaats in de kring.")
    String notInCircle();

    @Message("De tijd om dit in te vullen is voorbij, of nog niet begonnen.")
    String windowClosed();

    @Message("Dit gesprek heeft al {max} evaluaties; meer kan niet.")
    String evaluationsFull(int max);

    @Message("Vul minstens één antwoord in.")
    String emptyAnswer();

    @Message("Dit is een oefening: die telt nergens mee, ook niet in een verslag of een reeks.")
    String practice();

    @Message("Deze pagina is er niet meer: de link is ingetrokken, of het gesprek is gewist.")
    String gone();

    @Message("'{field}': moet {min} tot {max} tekens lang zijn.")
    String length(String field, int min, int max);

    @Message("'{field}': moet een heel getal van {min} tot {max} zijn.")
    String range(String field, int min, int max);

    @Message("'{field}': is nodig.")
    String needed(String field);

    @Message("'{field}': moet true of false zijn.")
    String trueOrFalse(String field);

    @Message("'{field}': moet een van deze zijn: {values}.")
    String oneOf(String field, String values);

    @Message("'{field}': staat niet in de sprekersrij.")
    String notQueued(String field);

    @Message("'{field}': moet een andere vraag zijn.")
    String notItself(String field);

    @Message("'{field}': mag hooguit {max} bevatten.")
    String atMost(String field, int max);

    @Message("'{field}': moet een verbeterpunt of een wens zijn.")
    String notActionable(String field);

    @Message("'{field}': mag geen onzichtbare stuurtekens bevatten.")
    String controlCharacters(String field);

    @Message("'{field}': moet een webadres zijn dat begint met https://.")
    String webAddress(String field);

    @Message("'{field}': vul geen e-mailadres of telefoonnummer in. Spiegel bewaart geen contactgegevens van deelnemers.")
    String contactData(String field);

    @Message("'{field}': deze waarde staat er al.")
    String unique(String field);

    @Message("'{field}': de getallen moeten samen {total} zijn.")
    String addsUpTo(String field, int total);

    @Message("Het bestand is niet ingelezen. {rows}")
    String badRows(String rows);

    @Message("Rij {row}: er moeten drie kolommen zijn: thema, score en aantal respondenten.")
    String rowColumns(int row);

    @Message("Rij {row}: thema '{value}' staat niet in de gespreksleidraad.")
    String rowUnknownTheme(int row, String value);

    @Message("Rij {row}: thema '{value}' stond al in een eerdere rij.")
    String rowDuplicate(int row, String value);

    @Message("Rij {row}, kolom {column}: '{value}' is geen getal.")
    String rowNotANumber(int row, String column, String value);

    @Message("Rij {row}, kolom {column}: '{value}' kan niet. Een score is 0 tot 100, het aantal respondenten minstens 1.")
    String rowOutOfRange(int row, String column, String value);

    @Message("'{field}': de datum van het gesprek zelf staat bij de gegevens van het gesprek.")
    String theMeetingsDate(String field);

    @Message("'{field}': geef een nieuwe datum of haal de datum weg, niet allebei.")
    String dateOrNone(String field);

    @Message("'{field}' heeft een waarde van de verkeerde soort.")
    String wrongKind(String field);

    @Message("Het bericht is geen geldige JSON.")
    String badJson();

    @Message("Een bericht is een JSON-object.")
    String notAnObject();

    @Message("Een bericht heeft een 'type' nodig.")
    String typeNeeded();

    @Message("Stuur eerst hello.")
    String helloFirst();

    @Message("Er is geen opdracht '{type}'.")
    String unknownType(String type);

    @Message("Een opdracht heeft een 'commandId' nodig van 1 tot 100 letters, cijfers of . _ : -")
    String commandIdNeeded();

    @Message("Niet opgeslagen. Stuur het opnieuw met dezelfde commandId.")
    String unavailable();

    @Message("Spiegel heeft het even te druk. Er is niets veranderd; probeer het over {seconds} seconde opnieuw.")
    String busy(int seconds);

    @Message("Spiegel kan even niet bij zijn gegevens. Er is niets veranderd; probeer het over {seconds} seconden opnieuw.")
    String databaseUnreachable(long seconds);

    @Message("Deze verbinding stuurde al hello.")
    String alreadySubscribed();

    @Message("'lastSeq' moet een heel getal zijn.")
    String lastSeqNumber();

    @Message("Hiervoor is een geldige sleutel nodig: gebruik de link die u kreeg.")
    String unauthorized();

    @Message("Er is JSON-inhoud nodig.")
    String bodyNeeded();

    @Message("De inhoud is geen geldige JSON in de verwachte vorm.")
    String badBody();

    @Message("Op dit adres staat niets.")
    String nothingHere();

    @Message("Dit adres kent deze methode niet.")
    String wrongMethod();

    @Message("Stuur JSON (application/json).")
    String sendJson();

    @Message("Het verzoek kon niet worden verwerkt.")
    String notHandled();

    @Message("Het verzoek is te groot: hooguit {kib} KiB.")
    String tooLarge(long kib);

    @Message("Geen gesprek heeft deze code. Kijk nog eens naar de code op het scherm in de zaal.")
    String unknownCode();

    @Message("'meetingKey': is geen sleutel van een gespreksleider.")
    String notAModeratorKey();

    @Message("'title': herhaal de titel van het gesprek om het te wissen.")
    String repeatTitle();

    @Message("'version': deze vastgestelde versie bestaat niet.")
    String noSuchVersion();

    @Message("Deze toehoorder is er niet (meer).")
    String unknownListener();

    @Message("Er kunnen nu geen vragen meer bij: er wachten er al {waiting}, of het gesprek heeft er {total}.")
    String questionsFull(int waiting, int total);

    @Message("U heeft al {max} onderwerpen ingediend; meer kan niet.")
    String tooManyTopics(int max);

    @Message("Het gesprek heeft al {max} onderwerpen; meer kan niet.")
    String topicsFull(int max);

    @Message("Er is al iets gemaakt met deze Idempotency-Key. De links stonden in het eerste antwoord; maak zo nodig opnieuw, met een nieuwe sleutel.")
    String alreadyCreated();

    @Message("Te veel verzoeken van dit adres. Probeer het over {seconds} seconden opnieuw.")
    String tooManyRequests(long seconds);

    @Message("Te veel verkeerde codes. Probeer het over {seconds} seconden opnieuw.")
    String tooManyGuesses(long seconds);

    @Message("Te veel berichten: hooguit {max} per minuut met deze sleutel. Wacht even en stuur opnieuw.")
    String commandsPerMinute(int max);

    @Message("Deze link is al {max} keer tegelijk open. Sluit een ander venster.")
    String tooManyConnections(int max);

    @Message("Het gesprek heeft al {max} notities; meer kan niet.")
    String notesFull(int max);

    // The milestones of the track, as a calendar shows them.

    @Message("Doel en doelgroep vastgesteld")
    String milestoneGoalSet();

    @Message("Gespreksleidraad klaar")
    String milestoneGuideReady();

    @Message("Werving deelnemers begonnen")
    String milestoneRecruitingStarted();

    @Message("Deelnemers geïnformeerd")
    String milestoneParticipantsInformed();

    @Message("Toehoorders uitgenodigd")
    String milestoneListenersInvited();

    @Message("Spiegelgesprek")
    String milestoneMeeting();

    @Message("Concept-verslag klaar")
    String milestoneReportDraft();

    @Message("Verslag vastgesteld")
    String milestoneReportPublished();

    @Message("Controle op de acties")
    String milestoneFollowUpCheck();

    @Message("Bedankbrief verstuurd")
    String milestoneLetterSent();

    @Message("Wie: de gespreksleider")
    String ownerModerator();

    @Message("Wie: de organisatie")
    String ownerOrganisation();

    @Message("Gedaan")
    String milestoneDone();
}
