package nl.spiegel.rehearsal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.SpiegelConfig;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.Actor;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.ParticipantStatus;
import nl.spiegel.meeting.Phase;
import nl.spiegel.retention.Retention;
import nl.spiegel.store.Outcome;
import nl.spiegel.store.Sender;

/**
 * Rehearsals: a moderator practises the method on a copy of a meeting's preparation, with simulated
 * listeners who join in the lobby and hand in questions during the conversation, some to accept and
 * some to turn down. The copy is a practice meeting ({@code Details.practice}): never counted, and
 * erased as soon as it ends; one nobody ends is erased a day after it was made
 * ({@link Retention#eraseDue}). Simulations live on the node that made them; after a restart the
 * copy goes on without simulated questions.
 */
@ApplicationScoped
public class Rehearsals {

    private static final Logger LOG = Logger.getLogger(Rehearsals.class);

    /** Listeners in the room's outer ring: the method has 25 to 40. */
    static final int LISTENERS = 30;
    /** Questions handed in during a rehearsal's conversation. */
    static final int QUESTIONS = 8;
    /** Rehearsals a node simulates at once; more go on without simulated listeners. */
    static final int MAX_SIMULATIONS = 50;
    /** A rehearsal left running longer than this is over. */
    static final Duration AT_MOST = Duration.ofHours(6);

    private static final Sender SERVER = new Sender(Actor.MODERATOR, "rehearsal");

    @Inject
    Rooms rooms;

    @Inject
    Retention retention;

    @Inject
    Clock clock;

    @Inject
    Vertx vertx;

    @Inject
    SpiegelConfig config;

    private final Map<UUID, Simulation> simulations = new ConcurrentHashMap<>();
    /** The timer of the ticks while any rehearsal runs; -1 when none does. */
    private long timer = -1;
    private final AtomicBoolean ticking = new AtomicBoolean();

    /** What a running rehearsal has simulated so far; changed by one tick at a time. */
    private static final class Simulation {
        final UUID meetingId;
        final String language;
        final Instant startedAt;
        boolean joined;
        int asked;
        Instant nextQuestion;

        Simulation(UUID meetingId, String language, Instant startedAt) {
            this.meetingId = meetingId;
            this.language = language;
            this.startedAt = startedAt;
        }
    }

    /**
     * Copies the preparation of {@code source} into the new practice meeting: its facts, house rules,
     * guide and circle (as informed participants). Then the simulation starts.
     */
    public Uni<Meeting> prepare(Meeting source, UUID practiceId) {
        Meeting.Details d = source.details();
        Uni<Meeting> done = send(practiceId, new Command.UpdateDetails(d.title(), d.goal(), d.targetGroup(), d.scheduledStart(),
                d.plannedMinutes(), d.place(), d.turnLimitSeconds(), d.organisation(), d.listenUrl()))
                .chain(() -> send(practiceId, new Command.SetHouseRules(d.houseRules())));
        for (Meeting.Theme theme : source.guide()) {
            done = done.chain(() -> send(practiceId, new Command.AddTheme(theme.title(), theme.centralQuestion(), theme.minutes())));
        }
        for (Meeting.Participant p : source.circle()) {
            done = done.chain(() -> send(practiceId, new Command.AddParticipant(p.pseudonym(), p.seat(), ParticipantStatus.INFORMED,
                    false, null)));
        }
        return done.invoke(() -> {
            if (simulations.size() < MAX_SIMULATIONS) {
                simulations.put(practiceId, new Simulation(practiceId, d.language(), clock.instant()));
                tickEverySecond();
            }
        });
    }

    /** A tick a second while rehearsals run, on a Vert.x timer (the scheduler may be off); stopped when none runs. */
    private synchronized void tickEverySecond() {
        if (timer < 0) {
            timer = vertx.setPeriodic(1000, id -> {
                if (ticking.compareAndSet(false, true)) {
                    tick().eventually(() -> ticking.set(false)).subscribe().with(done -> {
                    }, failure -> LOG.warnf("A rehearsal's tick failed: %s", failure.toString()));
                }
            });
        }
    }

    private synchronized void stopWhenIdle() {
        if (simulations.isEmpty() && timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private Uni<Meeting> send(UUID meetingId, Command command) {
        return rooms.execute(meetingId, SERVER, null, command, null).map(outcome -> switch (outcome) {
            case Outcome.Applied applied -> applied.meeting();
            case Outcome.Rejected rejected -> throw rejected.rejection().refused();
        });
    }

    private Uni<Void> tick() {
        stopWhenIdle();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Simulation simulation : simulations.values()) {
            all = all.chain(() -> step(simulation)
                    .onFailure().invoke(failure -> LOG.warnf("A rehearsal's simulation step failed: %s", failure.toString()))
                    .onFailure().recoverWithNull());
        }
        return all;
    }

    /** One step of a rehearsal: erase it once ended, join the listeners in the lobby, hand in the next question. */
    private Uni<Void> step(Simulation s) {
        Instant now = clock.instant();
        return rooms.meeting(s.meetingId).chain(m -> {
            if (!m.exists()) {
                simulations.remove(s.meetingId);
                return Uni.createFrom().voidItem();
            }
            if (m.phase() == Phase.ENDED || now.isAfter(s.startedAt.plus(AT_MOST))) {
                simulations.remove(s.meetingId);
                return retention.erase(s.meetingId);
            }
            if (!s.joined && m.phase() != Phase.PREPARATION) {
                s.joined = true;
                return joinListeners(s);
            }
            boolean asking = m.phase() == Phase.CONVERSATION || m.phase() == Phase.CLARIFYING;
            if (!asking || s.asked >= QUESTIONS || !s.joined) {
                return Uni.createFrom().voidItem();
            }
            if (s.nextQuestion == null) {
                // The first question comes a little while after the conversation began.
                s.nextQuestion = m.phaseSince().plus(config.rehearsalQuestionEvery().dividedBy(2));
            }
            if (now.isBefore(s.nextQuestion)) {
                return Uni.createFrom().voidItem();
            }
            int n = s.asked++;
            s.nextQuestion = now.plus(config.rehearsalQuestionEvery());
            List<String> questions = SimulatedListeners.questions(s.language);
            String participant = m.circle().isEmpty() ? null : m.circle().get(n % m.circle().size()).id();
            return rooms.execute(s.meetingId, new Sender(Actor.listener(SimulatedListeners.id(n % LISTENERS)), "rehearsal"), null,
                    new Command.SubmitQuestion(questions.get(n % questions.size()), n % 3 == 0 ? participant : null, null), null)
                    .replaceWithVoid();
        });
    }

    private Uni<Void> joinListeners(Simulation s) {
        Uni<Void> joined = Uni.createFrom().voidItem();
        for (int i = 0; i < LISTENERS; i++) {
            int n = i;
            joined = joined.chain(() -> rooms.execute(s.meetingId, new Sender(Actor.listener(SimulatedListeners.id(n)), "rehearsal"),
                    null, new Command.JoinAsListener(SimulatedListeners.name(s.language, n)), null).replaceWithVoid());
        }
        return joined;
    }
}
