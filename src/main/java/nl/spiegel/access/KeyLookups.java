package nl.spiegel.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.Access;

/**
 * Looks key hashes up in the database, many in one round trip when they come together: while a
 * lookup is on its way, the keys that arrive wait and then go in one query. A room whose listeners
 * all connect at once, or the clients of a restarted node coming back, cost a few queries instead of
 * one each; a key that comes alone goes at once. Nothing is remembered between lookups, so a revoked
 * key stops working as soon as its revocation is committed.
 */
@Singleton
class KeyLookups {

    /** The most keys one query asks for; more wait for the next. */
    static final int BATCH = 200;

    private final Pool pool;
    private final Counter lookups;
    private final Counter queries;
    private final Object lock = new Object();
    private boolean underway;
    private final LinkedHashMap<String, List<Waiting>> waiting = new LinkedHashMap<>();

    @Inject
    KeyLookups(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.lookups = registry.counter("spiegel.key.lookups");
        this.queries = registry.counter("spiegel.key.queries");
    }

    private record Waiting(UniEmitter<? super Access> emitter, Context context) {
        void answer(Access found, Throwable failure) {
            if (context == null || context == Vertx.currentContext()) {
                deliver(found, failure);
            } else {
                // Answered on the context that asked, as if it had run the query itself.
                context.runOnContext(ignored -> deliver(found, failure));
            }
        }

        private void deliver(Access found, Throwable failure) {
            if (failure != null) {
                emitter.fail(failure);
            } else {
                emitter.complete(found);
            }
        }
    }

    /** What the key with this hash opens, or {@code null} for an unknown or revoked key. */
    Uni<Access> find(String hash) {
        return Uni.createFrom().emitter(emitter -> {
            lookups.increment();
            Map<String, List<Waiting>> batch = null;
            synchronized (lock) {
                waiting.computeIfAbsent(hash, h -> new ArrayList<>(1)).add(new Waiting(emitter, Vertx.currentContext()));
                if (!underway) {
                    underway = true;
                    batch = take();
                }
            }
            if (batch != null) {
                send(batch);
            }
        });
    }

    private Map<String, List<Waiting>> take() {
        Map<String, List<Waiting>> batch = new HashMap<>();
        Iterator<Map.Entry<String, List<Waiting>>> entries = waiting.entrySet().iterator();
        while (entries.hasNext() && batch.size() < BATCH) {
            Map.Entry<String, List<Waiting>> entry = entries.next();
            batch.put(entry.getKey(), entry.getValue());
            entries.remove();
        }
        return batch;
    }

    private void send(Map<String, List<Waiting>> batch) {
        queries.increment();
        // Revoked keys are left out here, not in the query: there the planner, with statistics from
        // a smaller table, combined the primary key with the index of unrevoked keys and read all of those.
        pool.preparedQuery("select key_hash, meeting_id, role, listener_id, revoked_at is null from access_key"
                        + " where key_hash = any($1)")
                .execute(Tuple.of(batch.keySet().toArray(String[]::new)))
                .subscribe().with(rows -> answer(batch, found(rows), null), failure -> answer(batch, Map.of(), failure));
    }

    private static Map<String, Access> found(RowSet<Row> rows) {
        Map<String, Access> found = new HashMap<>();
        for (Row row : rows) {
            if (!row.getBoolean(4)) {
                continue;
            }
            String hash = row.getString(0);
            found.put(hash, new Access(row.getUUID(1), Role.valueOf(row.getString(2)), row.getString(3), hash));
        }
        return found;
    }

    private void answer(Map<String, List<Waiting>> batch, Map<String, Access> found, Throwable failure) {
        Map<String, List<Waiting>> next;
        synchronized (lock) {
            next = waiting.isEmpty() ? null : take();
            underway = next != null;
        }
        if (next != null) {
            send(next);
        }
        batch.forEach((hash, asked) -> asked.forEach(w -> w.answer(found.get(hash), failure)));
    }
}
