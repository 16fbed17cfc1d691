package nl.spiegel.store;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.DistributionSummary;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Recorded;

/**
 * Appends of many meetings that wait for the database go together: one statement, one commit, for
 * all of them. While fewer than {@link #IN_FLIGHT} statements are underway an append goes at once,
 * alone, so a quiet node waits for nothing; when more arrive, they wait for the next free statement
 * and go in it together. On the bench machine the server and its database share one core, and each
 * commit costs both of them a round trip, a wake-up and a write to the log (docs/decisions/0042).
 * A statement is all or nothing: when it fails on a conflict, each of its appends goes again alone,
 * so that the conflict (another node's append, a command id answered before) is that append's, not
 * its group's. Any other failure (the database out of reach) is every append's at once.
 */
final class GroupCommit {

    /** Statements underway at once: enough to keep the database busy while one waits for its disk. */
    static final int IN_FLIGHT = 2;
    /** Appends in one statement at most. */
    static final int MOST = 64;

    private final Pool pool;
    /** Appends per statement, to see on a dashboard how much goes together. */
    private final DistributionSummary together;
    private final ArrayDeque<Append> waiting = new ArrayDeque<>();
    private int underway;

    GroupCommit(Pool pool, DistributionSummary together) {
        this.pool = pool;
        this.together = together;
    }

    private record Append(UUID meetingId, String commandId, Verdict.Append verdict, UniEmitter<? super Void> emitter,
                          Context context) {

        void done(Throwable failure) {
            Runnable answer = failure == null ? () -> emitter.complete(null) : () -> emitter.fail(failure);
            // Answered where it was asked, as the database client would: the room goes on in its own context.
            if (context == null || context == Vertx.currentContext()) {
                answer.run();
            } else {
                context.runOnContext(ignored -> answer.run());
            }
        }
    }

    /** Completes once the append is committed; fails as its own statement would have. */
    Uni<Void> append(UUID meetingId, String commandId, Verdict.Append verdict) {
        return Uni.createFrom().emitter(emitter -> {
            List<Append> batch = null;
            synchronized (this) {
                waiting.add(new Append(meetingId, commandId, verdict, emitter, Vertx.currentContext()));
                if (underway < IN_FLIGHT) {
                    underway++;
                    batch = take();
                }
            }
            if (batch != null) {
                run(batch);
            }
        });
    }

    /** The oldest waiting appends, each meeting once: one meeting's appends go in the order they came. */
    private List<Append> take() {
        List<Append> batch = new ArrayList<>();
        Set<UUID> meetings = new HashSet<>();
        while (!waiting.isEmpty() && batch.size() < MOST && meetings.add(waiting.peek().meetingId())) {
            batch.add(waiting.poll());
        }
        return batch;
    }

    private void run(List<Append> batch) {
        together.record(batch.size());
        // Deferred: a statement that cannot even be made fails its appends and frees its turn.
        Uni<Void> statement = Uni.createFrom().deferred(() -> batch.size() == 1 ? single(batch.getFirst()) : together(batch));
        statement.subscribe().with(ok -> {
            batch.forEach(a -> a.done(null));
            next();
        }, failure -> {
            if (batch.size() > 1 && EventStore.isConflict(failure)) {
                alone(batch, 0);
                return;
            }
            // Not one append's (the database is out of reach): each would fail the same, one by one.
            batch.forEach(a -> a.done(failure));
            next();
        });
    }

    /** After a failed statement: each append again on its own, one after another, each with its own answer. */
    private void alone(List<Append> batch, int i) {
        if (i == batch.size()) {
            next();
            return;
        }
        Append a = batch.get(i);
        Uni.createFrom().deferred(() -> single(a)).subscribe().with(ok -> {
            a.done(null);
            alone(batch, i + 1);
        }, failure -> {
            a.done(failure);
            alone(batch, i + 1);
        });
    }

    private void next() {
        List<Append> batch;
        synchronized (this) {
            if (waiting.isEmpty()) {
                underway--;
                return;
            }
            batch = take();
        }
        run(batch);
    }

    private Uni<Void> single(Append a) {
        return EventStore.appendStatement(pool, a.meetingId(), a.commandId(), a.verdict());
    }

    private Uni<Void> together(List<Append> batch) {
        List<UUID> eventMeetings = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        int n = batch.size();
        UUID[] meetings = new UUID[n];
        UUID[] commands = new UUID[n];
        Long[] firsts = new Long[n];
        Long[] lasts = new Long[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[] titles = new String[n];
        String[] phases = new String[n];
        OffsetDateTime[] starts = new OffsetDateTime[n];
        OffsetDateTime[] ended = new OffsetDateTime[n];
        Integer[] retention = new Integer[n];
        Boolean[] anonymised = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Append a = batch.get(i);
            for (Recorded r : a.verdict().events()) {
                eventMeetings.add(a.meetingId());
                seqs.add(r.seq());
                times.add(EventStore.utc(r.at()));
                types.add(EventCodec.type(r.event()));
                payloads.add(EventCodec.payload(r.event()));
            }
            Meeting after = a.verdict().after();
            meetings[i] = a.meetingId();
            commands[i] = EventStore.key(a.commandId());
            firsts[i] = a.verdict().events().getFirst().seq();
            lasts[i] = a.verdict().events().getLast().seq();
            at[i] = EventStore.utc(a.verdict().at());
            titles[i] = after.details().title();
            phases[i] = after.phase().name();
            starts[i] = EventStore.utc(after.details().scheduledStart());
            ended[i] = EventStore.utc(after.endedAt());
            retention[i] = after.retentionDays();
            anonymised[i] = after.keepAnonymised();
        }
        return pool.preparedQuery(APPEND_TOGETHER).execute(Tuple.from(Arrays.asList(
                        eventMeetings.toArray(UUID[]::new), seqs.toArray(Long[]::new), times.toArray(OffsetDateTime[]::new),
                        types.toArray(String[]::new), payloads.toArray(String[]::new),
                        meetings, commands, firsts, lasts, at, titles, phases, starts, ended, retention, anonymised)))
                .replaceWithVoid();
    }

    /** As EventStore's one append, for appends to several meetings: each array holds one row per event or per append. */
    private static final String APPEND_TOGETHER = "with events as (insert into meeting_event"
            + " (meeting_id, seq, occurred_at, type, payload)"
            + " select e.meeting_id, e.seq, e.at, e.type, e.payload::jsonb"
            + " from unnest($1::uuid[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[])"
            + " as e(meeting_id, seq, at, type, payload)),"
            + " command as (insert into meeting_command (meeting_id, command_key, first_seq, last_seq, recorded_at)"
            + " select c.meeting_id, c.command_key, c.first_seq, c.last_seq, c.at"
            + " from unnest($6::uuid[], $7::uuid[], $8::bigint[], $9::bigint[], $10::timestamptz[])"
            + " as c(meeting_id, command_key, first_seq, last_seq, at) where c.command_key is not null)"
            + " update meeting m set title = s.title, phase = s.phase, scheduled_start = s.scheduled_start,"
            + " ended_at = s.ended_at, retention_days = s.retention_days, keep_anonymised = s.keep_anonymised"
            + " from unnest($6::uuid[], $11::text[], $12::text[], $13::timestamptz[], $14::timestamptz[], $15::integer[],"
            + " $16::boolean[]) as s(id, title, phase, scheduled_start, ended_at, retention_days, keep_anonymised)"
            + " where m.id = s.id and (m.title, m.phase, m.scheduled_start, m.ended_at, m.retention_days, m.keep_anonymised)"
            + " is distinct from (s.title, s.phase, s.scheduled_start, s.ended_at, s.retention_days, s.keep_anonymised)";
}
