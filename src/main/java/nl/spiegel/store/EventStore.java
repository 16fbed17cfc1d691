package nl.spiegel.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentMap;


import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import nl.spiegel.meeting.Actor;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Decision;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.MeetingCore;
import nl.spiegel.meeting.Recorded;

/**
 * Meetings as event streams in PostgreSQL. A command is decided against the latest state and its
 * events are appended in one transaction with the next sequence numbers; when another writer got
 * there first, the primary key refuses the insert and the command is decided again on the newer
 * state (optimistic concurrency). Nothing is acknowledged before the commit.
 */
@ApplicationScoped
public class EventStore {

    private static final int MAX_ATTEMPTS = 25;

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    @Inject
    Instance<Consequences> consequences;

    @Inject
    MeterRegistry registry;

    /**
     * On one node, commands to the same meeting take turns: racing them would only make them retry.
     * Writers on other nodes still race, and the primary key on {@code seq} settles that.
     */
    private final Turns<UUID> turns = new Turns<>();

    /**
     * Folded states by meeting; only ever a prefix of the stored stream, so never wrong, at most
     * behind. Bounded: a meeting not used for a while is folded again from its stream when needed.
     */
    private final ConcurrentMap<UUID, Meeting> folded = Caffeine
            .newBuilder().maximumSize(2_000).expireAfterAccess(Duration.ofHours(12)).<UUID, Meeting>build().asMap();

    /**
     * Applies a command once. A command id seen before for this meeting returns the first outcome and
     * appends nothing; a {@code null} command id is never deduplicated.
     */
    public Uni<Outcome> execute(UUID meetingId, Sender sender, String commandId, Command command) {
        return execute(meetingId, sender, commandId, command, null, NOTHING);
    }

    /** A command whose sender says when they acted ({@code actedAt}); see {@link MeetingCore#decide}. */
    public Uni<Outcome> execute(UUID meetingId, Sender sender, String commandId, Command command, Instant actedAt) {
        return execute(meetingId, sender, commandId, command, actedAt, NOTHING);
    }

    /** Work that must commit together with a command's events, such as the keys of a new meeting. */
    @FunctionalInterface
    public interface InTransaction {
        /** Runs on the command's own connection, inside its transaction. */
        Uni<Void> after(SqlConnection connection, Outcome.Applied applied);
    }

    private static final InTransaction NOTHING = (connection, applied) -> Uni.createFrom().voidItem();

    public Uni<Outcome> execute(UUID meetingId, Sender sender, String clientCommandId, Command command, Instant actedAt,
                                InTransaction alsoDo) {
        String commandId = scoped(sender, clientCommandId);
        Timer.Sample started = Timer.start(registry);
        return turns.inTurn(meetingId, () -> append(meetingId, sender.actor(), commandId, command, actedAt, alsoDo))
                .onItemOrFailure().invoke((outcome, failure) -> started.stop(registry.timer("spiegel.commands",
                        "type", command.getClass().getSimpleName(),
                        "outcome", failure != null ? "failed" : outcome instanceof Outcome.Rejected ? "rejected" : "applied",
                        "code", outcome instanceof Outcome.Rejected rejected ? rejected.rejection().code() : "none")));
    }

    /**
     * Most commands go to a meeting this node already folded and append events that need nothing else
     * stored with them: those are decided on the folded state and appended in one statement, without
     * reading first. That state is never wrong, at most behind; when it is behind, the next seq is
     * taken and the statement fails as a whole, as it does for a command id seen before. Then, and for
     * every other command, it goes the careful way ({@link #appendInTransaction}).
     */
    private Uni<Outcome> append(UUID meetingId, Actor actor, String commandId, Command command, Instant actedAt,
                                InTransaction alsoDo) {
        Meeting known = folded.get(meetingId);
        if (known == null || alsoDo != NOTHING) {
            return appendInTransaction(meetingId, actor, commandId, command, actedAt, alsoDo);
        }
        Decision decision = decide(known, actor, command, actedAt);
        if (!(decision instanceof Decision.Accepted accepted) || accepted.events().isEmpty()) {
            // A rejection is remembered for good, so it is decided on the latest state, never on one behind.
            return appendInTransaction(meetingId, actor, commandId, command, actedAt, alsoDo);
        }
        List<Recorded> recorded = MeetingCore.record(known, accepted);
        for (Consequences c : consequences) {
            if (c.concerns(recorded)) {
                return appendInTransaction(meetingId, actor, commandId, command, actedAt, alsoDo);
            }
        }
        Meeting after = evolve(known, recorded);
        return appendStatement(pool, meetingId, commandId, accepted, recorded, after)
                .map(appended -> (Outcome) new Outcome.Applied(after, recorded, false, recorded.getLast().seq()))
                .invoke(applied -> remember(meetingId, after))
                .onFailure(EventStore::isConflict)
                .recoverWithUni(() -> appendInTransaction(meetingId, actor, commandId, command, actedAt, alsoDo));
    }

    /**
     * A command holds at most one pooled connection at a time: the stream is read before its
     * transaction begins, and a replay is read after it ended. Were the stream read inside the
     * transaction through the pool, as many commands as the pool has connections would each hold
     * one and wait for a second: every command would stall. Inside the transaction everything runs
     * on that one connection as plain SQL: the id lookup, then the events, the command's id and the
     * summary in one statement.
     */
    private Uni<Outcome> appendInTransaction(UUID meetingId, Actor actor, String commandId, Command command,
                                             Instant actedAt, InTransaction alsoDo) {
        return Uni.createFrom().deferred(() -> current(meetingId)
                        .flatMap(state -> pool.withTransaction(connection -> attempt(connection, meetingId, state, actor,
                                        commandId, command, actedAt)
                                .call(step -> step instanceof Step.Done(Outcome.Applied applied)
                                        ? alsoDo.after(connection, applied).chain(() -> consequencesOf(connection, meetingId, applied))
                                        : Uni.createFrom().voidItem()))))
                .onFailure(EventStore::isConflict).retry()
                .withBackOff(Duration.ofMillis(2), Duration.ofMillis(100)).withJitter(0.5).atMost(MAX_ATTEMPTS)
                .flatMap(step -> switch (step) {
                    case Step.Done(Outcome outcome) -> Uni.createFrom().item(outcome);
                    case Step.Seen(CommandRow previous) -> replay(meetingId, previous);
                })
                .invoke(outcome -> {
                    if (outcome instanceof Outcome.Applied applied) {
                        remember(meetingId, applied.meeting());
                    }
                });
    }

    private Uni<Void> consequencesOf(SqlConnection connection, UUID meetingId, Outcome.Applied applied) {
        Uni<Void> all = Uni.createFrom().voidItem();
        if (applied.events().isEmpty()) {
            return all;
        }
        for (Consequences c : consequences) {
            all = all.chain(() -> c.of(connection, meetingId, applied));
        }
        return all;
    }

    /** What a transaction found: the command decided now, or its id seen before. */
    private sealed interface Step {
        record Done(Outcome outcome) implements Step {}

        record Seen(CommandRow previous) implements Step {}
    }

    /**
     * Command ids are made by clients, so two people may pick the same one; each key (one person or
     * device) has its own space of ids, and nobody's command is answered with another's outcome.
     */
    static String scoped(Sender sender, String commandId) {
        return commandId == null ? null : sender.keyHash() + ":" + commandId;
    }

    /** The meeting as stored now; {@link Meeting#exists()} is false for an unknown id. */
    public Uni<Meeting> load(UUID meetingId) {
        return current(meetingId).invoke(m -> remember(meetingId, m));
    }

    /** Drops what this node remembers of an erased meeting. */
    public void forget(UUID meetingId) {
        folded.remove(meetingId);
    }

    /** The events after {@code seq}, in order. Works from any Vert.x context, no session needed. */
    public Uni<List<Recorded>> eventsAfter(UUID meetingId, long seq) {
        return rows(meetingId, seq, Long.MAX_VALUE);
    }

    /**
     * The state was read before the command id is looked up. A command's events and its id commit
     * together, so when the id is not there yet, the state read before cannot hold its events: a
     * racing copy of the command then collides on {@code seq} and is retried, never decided twice.
     */
    private Uni<Step> attempt(SqlConnection connection, UUID meetingId, Meeting state, Actor actor, String commandId,
                              Command command, Instant actedAt) {
        Uni<CommandRow> seen = commandId == null ? Uni.createFrom().nullItem()
                : connection.preparedQuery("select first_seq, last_seq, rejection::text from meeting_command"
                        + " where meeting_id = $1 and command_id = $2").execute(Tuple.of(meetingId, commandId))
                .map(rows -> {
                    var found = rows.iterator();
                    if (!found.hasNext()) {
                        return null;
                    }
                    Row row = found.next();
                    return new CommandRow(row.getLong(0), row.getLong(1), row.getString(2));
                });
        return seen.flatMap(previous -> previous != null
                ? Uni.createFrom().item(new Step.Seen(previous))
                : decideAndAppend(connection, meetingId, state, actor, commandId, command, actedAt).map(Step.Done::new));
    }

    /** The first answer again: the rejection, or the events the command appended and the seq it named. */
    private Uni<Outcome> replay(UUID meetingId, CommandRow previous) {
        if (previous.rejection() != null) {
            return Uni.createFrom().item(new Outcome.Rejected(RejectionCodec.decode(previous.rejection())));
        }
        return rows(meetingId, previous.firstSeq() - 1, previous.lastSeq()).flatMap(events -> current(meetingId)
                .map(state -> new Outcome.Applied(state, events, true, previous.lastSeq())));
    }

    private Uni<Outcome> decideAndAppend(SqlConnection connection, UUID meetingId, Meeting state, Actor actor,
                                         String commandId, Command command, Instant actedAt) {
        Decision decision = decide(state, actor, command, actedAt);
        if (decision instanceof Decision.Rejected rejected) {
            return rememberAnswer(connection, meetingId, state, commandId, RejectionCodec.encode(rejected.rejection()))
                    .replaceWith(new Outcome.Rejected(rejected.rejection()));
        }
        Decision.Accepted accepted = (Decision.Accepted) decision;
        if (accepted.events().isEmpty()) {
            return rememberAnswer(connection, meetingId, state, commandId, null).replaceWith(new Outcome.Applied(state, List.of(), false, state.seq()));
        }
        List<Recorded> recorded = MeetingCore.record(state, accepted);
        Meeting after = evolve(state, recorded);
        // A new meeting's summary row comes first: its events refer to it.
        Uni<Void> created = state.exists() ? Uni.createFrom().voidItem()
                : connection.preparedQuery("insert into meeting (id, title, phase, last_seq, created_at, updated_at)"
                        + " values ($1, $2, $3, 0, $4, $4)").execute(Tuple.of(meetingId, after.details().title(),
                        after.phase().name(), utc(after.createdAt()))).replaceWithVoid();
        return created.chain(() -> appendStatement(connection, meetingId, commandId, accepted, recorded, after))
                .replaceWith(new Outcome.Applied(after, recorded, false, recorded.getLast().seq()));
    }

    private Decision decide(Meeting state, Actor actor, Command command, Instant actedAt) {
        // PostgreSQL keeps microseconds: a state folded in memory must equal one read back from the stream.
        return MeetingCore.decide(state, actor, command, clock.instant().truncatedTo(ChronoUnit.MICROS),
                actedAt == null ? null : actedAt.truncatedTo(ChronoUnit.MICROS));
    }

    private static Meeting evolve(Meeting state, List<Recorded> recorded) {
        Meeting next = state;
        for (Recorded r : recorded) {
            next = MeetingCore.evolve(next, r);
        }
        return next;
    }

    private static Uni<Void> appendStatement(SqlClient client, UUID meetingId, String commandId, Decision.Accepted accepted,
                                             List<Recorded> recorded, Meeting after) {
        Long[] seqs = recorded.stream().map(Recorded::seq).toArray(Long[]::new);
        OffsetDateTime[] times = recorded.stream().map(r -> utc(r.at())).toArray(OffsetDateTime[]::new);
        String[] types = recorded.stream().map(r -> EventCodec.type(r.event())).toArray(String[]::new);
        String[] payloads = recorded.stream().map(r -> EventCodec.payload(r.event())).toArray(String[]::new);
        return client.preparedQuery(APPEND).execute(Tuple.from(Arrays.asList(meetingId, commandId, seqs, times, types,
                payloads, recorded.getFirst().seq(), recorded.getLast().seq(), utc(accepted.at()), after.details().title(),
                after.phase().name(), utc(after.details().scheduledStart()), after.seq(), utc(after.lastAt()),
                utc(after.endedAt()), after.retentionDays(), after.keepAnonymised()))).replaceWithVoid();
    }

    /**
     * The events, the command's id and the meeting's summary in one statement: one round trip to
     * the database instead of one per row. Payloads go as text and are cast in the database.
     */
    private static final String APPEND = "with events as (insert into meeting_event"
            + " (meeting_id, seq, occurred_at, type, payload, command_id)"
            + " select $1, e.seq, e.at, e.type, e.payload::jsonb, $2"
            + " from unnest($3::bigint[], $4::timestamptz[], $5::text[], $6::text[]) as e(seq, at, type, payload)),"
            + " command as (insert into meeting_command (meeting_id, command_id, first_seq, last_seq, recorded_at)"
            + " select $1, $2, $7, $8, $9 where $2 is not null)"
            + " update meeting set title = $10, phase = $11, scheduled_start = $12, last_seq = $13, updated_at = $14,"
            + " ended_at = $15, retention_days = $16, keep_anonymised = $17 where id = $1";

    /**
     * Remembers the answer to a command that appended nothing (a rejection, or a change to what
     * already was), so that the same command id is answered the same forever. A meeting that does
     * not exist has nothing to remember it by.
     */
    private Uni<Void> rememberAnswer(SqlConnection connection, UUID meetingId, Meeting state, String commandId,
                                     String rejection) {
        if (commandId == null || !state.exists()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("insert into meeting_command (meeting_id, command_id, first_seq, last_seq,"
                        + " recorded_at, rejection) values ($1, $2, $3, $4, $5, $6::text::jsonb)")
                .execute(Tuple.from(Arrays.asList(meetingId, commandId, state.seq() + 1, state.seq(),
                        utc(clock.instant().truncatedTo(ChronoUnit.MICROS)), rejection)))
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The folded state brought up to date with what other writers appended since. */
    private Uni<Meeting> current(UUID meetingId) {
        Meeting known = folded.getOrDefault(meetingId, Meeting.none());
        return rows(meetingId, known.seq(), Long.MAX_VALUE).map(events -> {
            Meeting m = known;
            for (Recorded r : events) {
                if (r.seq() != m.seq() + 1) {
                    throw new IllegalStateException("Gap in the stream of meeting " + meetingId + " at seq " + r.seq());
                }
                m = MeetingCore.evolve(m, r);
            }
            return m;
        });
    }

    private Uni<List<Recorded>> rows(UUID meetingId, long afterSeq, long untilSeq) {
        return pool.preparedQuery("select seq, occurred_at, type, payload::text from meeting_event"
                        + " where meeting_id = $1 and seq > $2 and seq <= $3 order by seq")
                .execute(Tuple.of(meetingId, afterSeq, untilSeq))
                .map(rows -> {
                    List<Recorded> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        events.add(new Recorded(row.getLong(0), row.getOffsetDateTime(1).toInstant(),
                                EventCodec.decode(row.getString(2), row.getString(3))));
                    }
                    return events;
                });
    }

    private void remember(UUID meetingId, Meeting meeting) {
        if (meeting.exists()) {
            folded.merge(meetingId, meeting, (old, fresh) -> fresh.seq() > old.seq() ? fresh : old);
        }
    }

    /** A unique key refused our insert: someone else appended first, or sent the same command id. */
    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
