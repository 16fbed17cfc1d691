package nl.spiegel.meeting;

/** The default house rules of a mirror meeting, as the method describes them. */
public final class HouseRules {

    private HouseRules() {}

    private static final String NL = """
            De deelnemers vertellen over hun eigen ervaringen. Er zijn geen goede of foute antwoorden.
            Toehoorders luisteren alleen. Zij reageren niet tijdens het gesprek.
            Na het gesprek mogen toehoorders vragen stellen om te verhelderen wat gezegd is. Geen nieuwe vragen en geen discussie.
            Wat hier persoonlijk verteld wordt, blijft in deze ruimte.
            Zet uw telefoon op stil.""";

    private static final String EN = """
            Participants speak about their own experiences. There are no right or wrong answers.
            Listeners only listen. They do not react during the conversation.
            After the conversation, listeners may ask questions to clarify what was said. No new questions and no discussion.
            What is shared here personally stays in this room.
            Please silence your phone.""";

    public static String defaults(String language) {
        return "en".equals(language) ? EN : NL;
    }
}
