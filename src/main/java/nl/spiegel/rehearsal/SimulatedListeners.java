package nl.spiegel.rehearsal;

import java.util.List;

/**
 * Who listens in a rehearsal, and what they ask: questions a moderator meets in a real clarifying
 * round, most of them clarifying, some that would start a discussion or bring in a new subject and
 * must be turned down.
 */
final class SimulatedListeners {

    private SimulatedListeners() {}

    private static final List<String> DUTCH = List.of(
            "Wat bedoelde u precies met 'het duurde lang'?",
            "Kunt u een voorbeeld geven van wat er goed ging?",
            "Waarom heeft u daar geen klacht over ingediend?",
            "Met wie had u toen contact: met de balie of met uw vaste contactpersoon?",
            "Hoe denkt u over onze nieuwe website?",
            "Hoe lang moest u ongeveer wachten?",
            "Weet u dat wij daar al een oplossing voor hebben?",
            "Wat had u op dat moment het meest geholpen?");

    private static final List<String> ENGLISH = List.of(
            "What exactly did you mean by 'it took long'?",
            "Could you give an example of what went well?",
            "Why did you not file a complaint about that?",
            "Who did you speak to then: the front desk or your own contact person?",
            "What do you think of our new website?",
            "About how long did you have to wait?",
            "Did you know that we already have a solution for that?",
            "What would have helped you most at that moment?");

    static List<String> questions(String language) {
        return "en".equals(language) ? ENGLISH : DUTCH;
    }

    /** A simulated listener's id: distinct from the ids joining hands out, which are letters and digits only. */
    static String id(int n) {
        return "rehearsal-" + (n + 1);
    }

    static String name(String language, int n) {
        return ("en".equals(language) ? "Practice listener " : "Oefenluisteraar ") + (n + 1);
    }
}
