package nl.spiegel.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.spiegel.meeting.Command.*;

/** Drives the core as the store does: decide, number, evolve; with a clock the test moves. */
final class Script {

    static final Actor MOD = Actor.MODERATOR;
    static final Actor ANNA = Actor.listener("L-anna");
    static final Actor BEN = Actor.listener("L-ben");

    Meeting state = Meeting.none();
    Instant now = Instant.parse("2027-03-04T18:00:00Z");
    final List<Recorded> stream = new ArrayList<>();

    /** A meeting with a guide of three themes, four participants (P4..P7) and two listeners. */
    static Script prepared() {
        Script s = new Script();
        s.ok(MOD, new CreateMeeting("Spiegelgesprek jeugdzorg", "Horen wat ouders nodig hebben", "ouders", null, 75, "nl"));
        s.ok(MOD, new AddTheme("Toegang", "Hoe kwam u bij ons terecht?", 20));
        s.ok(MOD, new AddTheme("Contact", "Hoe ervaart u het contact met uw hulpverlener?", 25));
        s.ok(MOD, new AddTheme("Eigen regie", "Hoeveel zeggenschap heeft u?", 20));
        for (String name : List.of("Anouk", "Bram", "Chantal", "Dirk")) {
            s.ok(MOD, new AddParticipant(name, s.state.participants().size() + 1, true));
        }
        s.ok(ANNA, new JoinAsListener("Anna"));
        s.ok(BEN, new JoinAsListener(null));
        return s;
    }

    /** {@link #prepared()} moved on to the conversation, first theme running. */
    static Script inConversation() {
        Script s = prepared();
        s.phase(Phase.LOBBY, Phase.OPENING, Phase.CONVERSATION);
        return s;
    }

    void phase(Phase... phases) {
        for (Phase phase : phases) {
            ok(MOD, new ChangePhase(phase));
        }
    }

    Script later(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    Script laterSeconds(long seconds) {
        return later(Duration.ofSeconds(seconds));
    }

    Decision send(Actor actor, Command command) {
        Decision decision = MeetingCore.decide(state, actor, command, now);
        if (decision instanceof Decision.Accepted accepted) {
            for (Recorded recorded : MeetingCore.record(state, accepted)) {
                state = MeetingCore.evolve(state, recorded);
                stream.add(recorded);
            }
        }
        return decision;
    }

    List<Event> ok(Actor actor, Command command) {
        Decision decision = send(actor, command);
        if (decision instanceof Decision.Rejected rejected) {
            fail("expected %s to be accepted, got %s", command, rejected.rejection());
        }
        return ((Decision.Accepted) decision).events();
    }

    /** Asserts a rejection with that code that changed nothing, and returns it. */
    Rejection no(Actor actor, Command command, String code) {
        Meeting before = state;
        Decision decision = send(actor, command);
        assertThat(decision).as("%s", command).isInstanceOf(Decision.Rejected.class);
        Rejection rejection = ((Decision.Rejected) decision).rejection();
        assertThat(rejection.code()).as("%s", command).isEqualTo(code);
        assertThat(rejection.message()).isNotBlank();
        assertThat(rejection.messageNl()).isNotBlank();
        assertThat(state).isSameAs(before);
        return rejection;
    }

    String participant(String pseudonym) {
        return state.participants().stream().filter(p -> p.pseudonym().equals(pseudonym)).findFirst().orElseThrow().id();
    }

    String theme(int index) {
        return state.guide().get(index).id();
    }

    String lastQuestion() {
        return state.questions().getLast().id();
    }
}
