package nl.spiegel.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
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
import nl.spiegel.store.AppendStatement.Appended;

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

    private record Append(Appended appended, UniEmitter<? super Void> emitter, Context context) {

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
                waiting.add(new Append(new Appended(meetingId, commandId, verdict), emitter, Vertx.currentContext()));
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
        while (!waiting.isEmpty() && batch.size() < MOST && meetings.add(waiting.peek().appended().meetingId())) {
            batch.add(waiting.poll());
        }
        return batch;
    }

    private void run(List<Append> batch) {
        together.record(batch.size());
        // Deferred: a statement that cannot even be made fails its appends and frees its turn.
        Uni<Void> statement = Uni.createFrom().deferred(() -> AppendStatement.run(pool,
                batch.stream().map(Append::appended).toList()));
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
        Uni.createFrom().deferred(() -> AppendStatement.run(pool, List.of(a.appended()))).subscribe().with(ok -> {
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
}
