package nl.spiegel.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The core's tests as event specifications: <em>given</em> these events, <em>when</em> someone
 * sends a command, <em>then</em> exactly these events, or this rejection that changes nothing.
 * After a {@code then} the events are folded in, so a test may go on with the next step or read
 * what the state (or a view of it) has become. The clock starts at {@link #T0} and moves only by
 * {@link #after}.
 */
final class Spec {

    static final Instant T0 = Instant.parse("2027-03-04T18:00:00Z");

    private Meeting state = Meeting.none();
    private Instant now = T0;
    private final List<Recorded> stream = new ArrayList<>();

    private Spec() {}

    static Spec given(Event... events) {
        return new Spec().and(events);
    }

    static Spec given(List<Event> events) {
        return given(events.toArray(Event[]::new));
    }

    /** More events that happened, at the current time. */
    Spec and(Event... events) {
        for (Event event : events) {
            append(event);
        }
        return this;
    }

    Spec and(List<Event> events) {
        return and(events.toArray(Event[]::new));
    }

    /** The clock moves on (or back, for a negative number). */
    Spec after(long seconds) {
        now = now.plusSeconds(seconds);
        return this;
    }

    When when(Actor actor, Command command) {
        return new When(actor, command, MeetingCore.decide(state, actor, command, now));
    }

    /** A command whose sender says they acted {@code secondsAgo} before now (a tap made offline). */
    When whenActed(long secondsAgo, Actor actor, Command command) {
        return new When(actor, command, MeetingCore.decide(state, actor, command, now, now.minusSeconds(secondsAgo)));
    }

    /** The clock set to a moment (for properties that make their own times). */
    Spec at(Instant moment) {
        now = moment;
        return this;
    }

    /** Decides and folds in whatever the command does, accepted or not (for properties). */
    Spec apply(Actor actor, Command command) {
        if (MeetingCore.decide(state, actor, command, now) instanceof Decision.Accepted accepted) {
            fold(accepted);
        }
        return this;
    }

    private void fold(Decision.Accepted accepted) {
        for (Recorded recorded : MeetingCore.record(state, accepted)) {
            state = MeetingCore.evolve(state, recorded);
            stream.add(recorded);
        }
    }

    /** When the last event was timed. */
    Instant lastEventAt() {
        return stream.getLast().at();
    }

    Meeting state() {
        return state;
    }

    Instant now() {
        return now;
    }

    List<Recorded> stream() {
        return List.copyOf(stream);
    }

    private void append(Event event) {
        Recorded recorded = new Recorded(state.seq() + 1, now.isBefore(state.lastAt()) ? state.lastAt() : now, event);
        state = MeetingCore.evolve(state, recorded);
        stream.add(recorded);
    }

    /** A decision waiting to be checked. */
    final class When {
        private final Actor actor;
        private final Command command;
        private final Decision decision;

        private When(Actor actor, Command command, Decision decision) {
            this.actor = actor;
            this.command = command;
            this.decision = decision;
        }

        /** Accepted with exactly these events, in order (none: the command changed nothing). */
        Spec then(Event... expected) {
            if (decision instanceof Decision.Rejected rejected) {
                fail("expected %s by %s to be accepted, got %s", command, actor.role(), rejected.rejection());
            }
            Decision.Accepted accepted = (Decision.Accepted) decision;
            assertThat(accepted.events()).as("%s", command).containsExactlyElementsOf(Arrays.asList(expected));
            fold(accepted);
            return Spec.this;
        }

        /** Refused with this code (an invalid value names its field and what was wrong); nothing changes. */
        Rejection thenRejected(String code) {
            assertThat(decision).as("%s by %s", command, actor.role()).isInstanceOf(Decision.Rejected.class);
            Rejection rejection = ((Decision.Rejected) decision).rejection();
            assertThat(rejection.code()).as("%s", command).isEqualTo(code);
            if (rejection.reason() == Rejection.Reason.INVALID) {
                assertThat(rejection.field()).as("the field at fault").isNotBlank();
                assertThat(rejection.detail()).as("what was wrong with it").isNotNull();
            }
            return rejection;
        }
    }
}
