package nl.spiegel.meeting;

/**
 * Why a command was refused: a stable {@code code} for programs, the {@code field} at fault when
 * there is one, and a readable message in English and in Dutch.
 */
public record Rejection(String code, String field, String message, String messageNl) {

    /** The message in the given language ("nl" or "en"); Dutch is the default. */
    public String message(String language) {
        return "en".equals(language) ? message : messageNl;
    }

    /** The stable codes, each with a plain message in English and Dutch. */
    public enum Reason {
        NOT_FOUND("There is no such meeting.", "Dit gesprek bestaat niet."),
        ALREADY_EXISTS("This meeting exists already.", "Dit gesprek bestaat al."),
        FORBIDDEN("Your role may not do this.", "Dit mag u in uw rol niet doen."),
        INVALID("This value is not valid.", "Deze waarde klopt niet."),
        WRONG_PHASE("This cannot be done in the current phase.", "Dit kan niet in deze fase van het gesprek."),
        ILLEGAL_TRANSITION("The meeting cannot move to that phase from here.", "Het gesprek kan vanaf hier niet naar die fase."),
        UNKNOWN_PARTICIPANT("There is no such participant.", "Deze deelnemer bestaat niet."),
        UNKNOWN_THEME("There is no such theme in the guide.", "Dit thema staat niet in de gespreksleidraad."),
        UNKNOWN_NOTE("There is no such note.", "Deze notitie bestaat niet."),
        UNKNOWN_QUESTION("There is no such question.", "Deze vraag bestaat niet."),
        UNKNOWN_TOPIC("There is no such topic.", "Dit onderwerp bestaat niet."),
        CIRCLE_FULL("The circle is full: at most 12 participants.", "De kring is vol: hooguit 12 deelnemers."),
        SEAT_TAKEN("That seat is taken.", "Die plaats is al bezet."),
        PSEUDONYM_TAKEN("Another participant has that name.", "Een andere deelnemer heeft die naam al."),
        HAS_SPOKEN("This participant has spoken already and stays in the record.", "Deze deelnemer heeft al gesproken en blijft in het verslag."),
        THEME_STARTED("This theme was discussed already and stays in the guide.", "Dit thema is al besproken en blijft in de leidraad."),
        GUIDE_FULL("The guide has the most themes it can hold.", "De leidraad heeft het hoogste aantal thema's."),
        NO_NEXT_THEME("There is no next theme in the guide.", "Er is geen volgend thema in de leidraad."),
        QUEUE_EMPTY("Nobody is waiting to speak.", "Er wacht niemand om te spreken."),
        NOT_YOURS("This is not your question.", "Dit is niet uw vraag."),
        QUESTION_STATUS("The question's status does not allow this.", "Dit kan niet met de vraag in deze status."),
        TOO_MANY_QUESTIONS("You have the most waiting questions allowed; wait for the moderator.", "U heeft het hoogste aantal wachtende vragen; wacht op de gespreksleider."),
        TOPICS_CLOSED("Handing in topics is closed.", "Onderwerpen aandragen is gesloten."),
        NOT_JOINED("Join the meeting first.", "Meld u eerst aan bij het gesprek."),
        JOINING_CLOSED("Joining this meeting is closed.", "Aanmelden voor dit gesprek is gesloten."),
        LISTENERS_FULL("The meeting has the most listeners allowed.", "Het gesprek heeft het hoogste aantal toehoorders."),
        UNKNOWN_ACTION("There is no such action.", "Deze actie bestaat niet.");

        private final String en;
        private final String nl;

        Reason(String en, String nl) {
            this.en = en;
            this.nl = nl;
        }

        public Rejection rejection() {
            return new Rejection(name(), null, en, nl);
        }

        public Rejection about(String field) {
            return new Rejection(name(), field, en, nl);
        }
    }

    /** A field whose value is missing or out of bounds. */
    public static Rejection invalid(String field, String en, String nl) {
        return new Rejection(Reason.INVALID.name(), field, "'" + field + "': " + en, "'" + field + "': " + nl);
    }
}
