package nl.spiegel.meeting;

import java.util.ArrayList;
import java.util.List;

import nl.spiegel.meeting.Event.*;
import java.util.Map;

/** The meetings the core's tests start from, as the events that made them, and their ids. */
final class Meetings {

    private Meetings() {}

    static final Actor MOD = Actor.MODERATOR;
    static final Actor ASSISTANT = Actor.ASSISTANT;
    static final Actor DISPLAY = Actor.DISPLAY;
    static final Actor ANNA = Actor.listener("L-anna");
    static final Actor BEN = Actor.listener("L-ben");

    // Ids are drawn from one counter in the order things were made.
    static final String TOEGANG = "T1";
    static final String CONTACT = "T2";
    static final String REGIE = "T3";
    static final String ANOUK = "P4";
    static final String BRAM = "P5";
    static final String CHANTAL = "P6";
    static final String DIRK = "P7";
    /** The id the next new thing gets in a {@link #prepared()} meeting. */
    static final int NEXT = 8;

    static final MeetingCreated CREATED = new MeetingCreated("Spiegelgesprek jeugdzorg", "Horen wat ouders nodig hebben",
            "ouders", null, 75, "nl", HouseRules.defaults("nl"), false);

    /** A meeting with a guide of three themes, four participants and two listeners. */
    static List<Event> prepared() {
        return List.of(CREATED,
                new ThemeAdded(TOEGANG, "Toegang", "Hoe kwam u bij ons terecht?", 20),
                new ThemeAdded(CONTACT, "Contact", "Hoe ervaart u het contact met uw hulpverlener?", 25),
                new ThemeAdded(REGIE, "Eigen regie", "Hoeveel zeggenschap heeft u?", 20),
                new ParticipantAdded(ANOUK, "Anouk", 1, ParticipantStatus.INFORMED, false, Map.of()),
                new ParticipantAdded(BRAM, "Bram", 2, ParticipantStatus.INFORMED, false, Map.of()),
                new ParticipantAdded(CHANTAL, "Chantal", 3, ParticipantStatus.INFORMED, false, Map.of()),
                new ParticipantAdded(DIRK, "Dirk", 4, ParticipantStatus.INFORMED, false, Map.of()),
                new ListenerJoined(ANNA.listenerId(), "Anna"),
                new ListenerJoined(BEN.listenerId(), null));
    }

    /** {@link #prepared()} moved on to the conversation, the first theme running. */
    static List<Event> inConversation() {
        return with(prepared(), phases(Phase.PREPARATION, Phase.CONVERSATION), new ThemeStarted(TOEGANG));
    }

    /** The steps from one phase forward to another, one at a time. */
    static List<Event> phases(Phase from, Phase to) {
        List<Event> events = new ArrayList<>();
        for (int i = from.ordinal(); i < to.ordinal(); i++) {
            events.add(new PhaseChanged(Phase.values()[i], Phase.values()[i + 1]));
        }
        return events;
    }

    static List<Event> with(List<Event> first, List<Event> then, Event... more) {
        List<Event> all = new ArrayList<>(first);
        all.addAll(then);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    static String id(String prefix, int number) {
        return prefix + number;
    }
}
