package nl.spiegel.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Recorded;
import nl.spiegel.meeting.Rejection;

/**
 * Meetings as event streams in PostgreSQL, and the answer given to each command id. It keeps no
 * state of its own: the meeting's owner on this node (its live room) decides, and hands the store a
 * {@link Verdict} to keep. Appending is optimistic: the primary key on (meeting, {@code seq})
 * refuses an insert when another node got there first ({@link #isConflict}), and the owner reads
 * what it missed and decides again. Nothing is acknowledged before the commit.
 */
@ApplicationScoped
public class EventStore {

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    @Inject
    Instance<Consequences> consequences;

    @Inject
    Notifications notifications;

    @Inject
    MeterRegistry registry;

    private GroupCommit groupCommit;

    @PostConstruct
    void start() {
        groupCommit = new GroupCommit(pool, DistributionSummary.builder("spiegel.store.append.together")
                .description("Appends stored in one statement").register(registry));
    }

    /** Work that must commit together with a command's events, such as the keys of a new meeting. */
    @FunctionalInterface
    public interface InTransaction {
        /** Runs on the command's own connection, inside its transaction. */
        Uni<Void> after(SqlConnection connection, Outcome.Applied applied);
    }

    public static final InTransaction NOTHING = (connection, applied) -> Uni.createFrom().voidItem();

    /** What a transaction found: the command's verdict kept now, or its id answered before. */
    public sealed interface Stored {
        record Kept(Outcome outcome) implements Stored {}

        /** Answered before: with this refusal, or (when it is {@code null}) with the events {@code firstSeq..lastSeq}. */
        record Seen(Rejection rejection, long firstSeq, long lastSeq) implements Stored {}
    }

    /**
     * Command ids are made by clients, so two people may pick the same one; each key (one person or
     * device) has its own space of ids, and nobody's command is answered with another's outcome.
     */
    public static String scoped(Sender sender, String commandId) {
        return commandId == null ? null : sender.keyHash() + ":" + commandId;
    }

    /** The events after {@code seq}, in order. */
    public Uni<List<Recorded>> eventsAfter(UUID meetingId, long seq) {
        return events(meetingId, seq, Long.MAX_VALUE);
    }

    /** The events after {@code afterSeq} up to and including {@code untilSeq}, in order. */
    public Uni<List<Recorded>> events(UUID meetingId, long afterSeq, long untilSeq) {
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

    /**
     * Whether these events need other work stored with them ({@link Consequences}): then they go
     * through {@link #keep}, never {@link #append}.
     */
    public boolean needsTransaction(List<Recorded> events) {
        for (Consequences c : consequences) {
            if (c.concerns(events)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The short way: the events, the command's id and the meeting's summary in one statement, with no
     * transaction around it and nothing read first; while the database is busy, together with other
     * meetings' appends ({@link GroupCommit}). It fails as a whole with a conflict when the next seq
     * was taken (the owner's state was behind) or the command id was answered before.
     */
    public Uni<Outcome.Applied> append(UUID meetingId, String commandId, Verdict.Append append) {
        return groupCommit.append(meetingId, commandId, append).map(ignored -> applied(append))
                .invoke(applied -> notifications.grew(meetingId, applied.seq()));
    }

    /**
     * The careful way, in one transaction on one connection: the command id is looked up first, and
     * when it was answered before, that answer is found ({@link Stored.Seen}) and nothing is kept.
     * Otherwise the verdict is kept: a refusal or an unchanged answer for the id, or the events (a new
     * meeting's summary row first) with the id, the summary, {@code alsoDo} and the {@link Consequences}.
     * {@code state} is what the verdict was decided on; another node's append since collides on the seq.
     */
    public Uni<Stored> keep(UUID meetingId, Meeting state, String commandId, Verdict verdict, InTransaction alsoDo) {
        return pool.<Stored>withTransaction(connection -> seen(connection, meetingId, commandId).chain(previous -> {
            if (previous != null) {
                return Uni.createFrom().item(new Stored.Seen(previous.rejection() == null ? null
                        : RejectionCodec.decode(previous.rejection()), previous.firstSeq(), previous.lastSeq()));
            }
            return switch (verdict) {
                case Verdict.Refused refused -> answer(connection, meetingId, state, commandId,
                        RejectionCodec.encode(refused.rejection()))
                        .replaceWith(new Stored.Kept(new Outcome.Rejected(refused.rejection())));
                case Verdict.Unchanged unchanged -> answer(connection, meetingId, state, commandId, null)
                        .replaceWith(new Stored.Kept(new Outcome.Applied(state, List.of(), false, state.seq())));
                case Verdict.Append append -> {
                    Outcome.Applied applied = applied(append);
                    yield created(connection, meetingId, state, append.after())
                            .chain(() -> AppendStatement.run(connection,
                                    List.of(new AppendStatement.Appended(meetingId, commandId, append))))
                            .chain(() -> alsoDo.after(connection, applied))
                            .chain(() -> consequencesOf(connection, meetingId, applied))
                            .replaceWith(new Stored.Kept(applied));
                }
            };
        })).invoke(stored -> {
            if (stored instanceof Stored.Kept(Outcome.Applied applied) && !applied.events().isEmpty()) {
                notifications.grew(meetingId, applied.seq());
            }
        });
    }

    private static Outcome.Applied applied(Verdict.Append append) {
        return new Outcome.Applied(append.after(), append.events(), false, append.events().getLast().seq());
    }

    private Uni<CommandRow> seen(SqlConnection connection, UUID meetingId, String commandId) {
        if (commandId == null) {
            return Uni.createFrom().nullItem();
        }
        return connection.preparedQuery("select first_seq, last_seq, rejection::text from meeting_command"
                        + " where meeting_id = $1 and command_key = $2").execute(Tuple.of(meetingId, key(commandId)))
                .map(rows -> {
                    var found = rows.iterator();
                    if (!found.hasNext()) {
                        return null;
                    }
                    Row row = found.next();
                    return new CommandRow(row.getLong(0), row.getLong(1), row.getString(2));
                });
    }

    /** A new meeting's summary row comes before its events, which refer to it. */
    private static Uni<Void> created(SqlConnection connection, UUID meetingId, Meeting state, Meeting after) {
        if (state.exists()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("insert into meeting (id, title, phase, created_at, practice)"
                        + " values ($1, $2, $3, $4, $5)").execute(Tuple.of(meetingId, after.details().title(),
                        after.phase().name(), utc(after.createdAt()), after.details().practice())).replaceWithVoid();
    }

    private Uni<Void> consequencesOf(SqlConnection connection, UUID meetingId, Outcome.Applied applied) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Consequences c : consequences) {
            all = all.chain(() -> c.of(connection, meetingId, applied));
        }
        return all;
    }

    /**
     * How a command's key-scoped id ({@link #scoped}) is stored: its SHA-256 cut to 16 bytes, as
     * migration V12 made of the ids stored before. A sixth of the id's size, as far apart.
     */
    static UUID key(String scopedCommandId) {
        if (scopedCommandId == null) {
            return null;
        }
        try {
            ByteBuffer digest = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                    .digest(scopedCommandId.getBytes(StandardCharsets.UTF_8)));
            return new UUID(digest.getLong(), digest.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * Remembers the answer to a command that appended nothing (a refusal, or a change to what
     * already was), so that the same command id is answered the same forever. A meeting that does
     * not exist has nothing to remember it by.
     */
    private Uni<Void> answer(SqlConnection connection, UUID meetingId, Meeting state, String commandId, String rejection) {
        if (commandId == null || !state.exists()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("insert into meeting_command (meeting_id, command_key, first_seq, last_seq,"
                        + " recorded_at, rejection) values ($1, $2, $3, $4, $5, $6::text::jsonb)")
                .execute(Tuple.from(Arrays.asList(meetingId, key(commandId), state.seq() + 1, state.seq(),
                        utc(clock.instant().truncatedTo(ChronoUnit.MICROS)), rejection)))
                .replaceWithVoid();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A unique key refused our insert: someone else appended first, or sent the same command id. */
    public static boolean isConflict(Throwable failure) {
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
