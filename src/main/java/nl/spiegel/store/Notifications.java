package nl.spiegel.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * This node's one {@code LISTEN} connection to PostgreSQL: how nodes learn of each other's changes
 * without talking to each other. A notification carries ids only (a meeting id and a seq); whoever
 * hears it reads what it means. After a lost connection it reconnects every second, and tells those
 * who asked that notifications may have been missed meanwhile.
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class);

    /** A meeting's stream grew: {@code "<meeting id> <seq>"} ({@link #grew}, after the commit). */
    public static final String MEETING_EVENT = "meeting_event";
    /** A key of a meeting was revoked: {@code "<meeting id>"} (a trigger on {@code access_key}, and an erase). */
    public static final String ACCESS_REVOKED = "access_revoked";
    /** A meeting was erased: {@code "<meeting id>"}. */
    public static final String MEETING_ERASED = "meeting_erased";

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String databasePassword;

    @Inject
    Pool pool;

    private PgSubscriber subscriber;
    private volatile boolean listening;
    /** Meetings whose stream grew and that were not announced yet, with their last seq. */
    private final Map<UUID, Long> unannounced = new ConcurrentHashMap<>();
    private final AtomicBoolean announcing = new AtomicBoolean();
    /** Notifications in one statement: each costs the listening nodes one small message. */
    private static final int PER_ANNOUNCEMENT = 500;

    /**
     * Connects after the schema is up to date and after every feature said what it listens to
     * ({@link #on}, from their own start).
     */
    void start(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        subscriber().connect().subscribe().with(ok -> LOG.debug("Listening for notifications"),
                failure -> LOG.warn("Not listening for notifications of other nodes yet; retrying", failure));
    }

    private synchronized PgSubscriber subscriber() {
        if (subscriber == null) {
            PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl.replaceFirst("^vertx-reactive:", ""))
                    .setUser(databaseUser).setPassword(databasePassword);
            subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> {
                if (retries == 0) {
                    DatabaseOutage.lost("the LISTEN connection closed");
                }
                return 1000L;
            });
        }
        return subscriber;
    }

    /** Calls {@code handler} with the payload of every notification on {@code channel}. */
    public void on(String channel, Consumer<String> handler) {
        on(channel, handler, () -> { });
    }

    /**
     * As {@link #on(String, Consumer)}, and runs {@code listening} each time this node starts
     * listening on the channel, the first time and after a lost connection: what was notified
     * meanwhile was missed.
     */
    public void on(String channel, Consumer<String> handler, Runnable listening) {
        subscriber().channel(channel).handler(handler).subscribeHandler(() -> {
            // Without a handler of its own, the connection prints each failure's trace to stderr.
            subscriber.getDelegate().actualConnection().exceptionHandler(failure -> {
                if (DatabaseOutage.cause(failure) != null) {
                    DatabaseOutage.lost(failure.getMessage());
                } else {
                    LOG.warnf("The LISTEN connection failed: %s", failure);
                }
            });
            this.listening = true;
            listening.run();
        });
    }

    /**
     * A meeting's stream grew to {@code seq}, committed: the other nodes are told. Not by a trigger
     * inside the command's own transaction, because PostgreSQL lets notifying transactions commit
     * only one at a time, each waiting for the disk (its lock is held to the end of the commit): with
     * it, PostgreSQL took 2 100 appends a second on this machine, without it 5 200 (pgbench, 20
     * clients, docs/performance.md). Instead one statement at a time announces every meeting that
     * grew since the last, without waiting for the disk (what it tells is stored already; a
     * notification lost in a crash of the database is one that every listener missed anyway, and
     * they read what they lack when they listen again). A statement that fails is tried again after
     * a second.
     */
    public void grew(UUID meetingId, long seq) {
        unannounced.merge(meetingId, seq, Math::max);
        announce();
    }

    private void announce() {
        if (unannounced.isEmpty() || !announcing.compareAndSet(false, true)) {
            return;
        }
        List<String> payloads = new ArrayList<>();
        for (UUID meetingId : unannounced.keySet()) {
            Long seq = unannounced.remove(meetingId);
            if (seq != null) {
                payloads.add(meetingId + " " + seq);
            }
            if (payloads.size() == PER_ANNOUNCEMENT) {
                break;
            }
        }
        pool.preparedQuery("select set_config('synchronous_commit', 'off', true), pg_notify('" + MEETING_EVENT
                        + "', payload) from unnest($1::text[]) as payload")
                .execute(Tuple.of(payloads.toArray(String[]::new)))
                .subscribe().with(ok -> {
                    announcing.set(false);
                    announce();
                }, failure -> {
                    for (String payload : payloads) {
                        String[] parts = payload.split(" ");
                        unannounced.merge(UUID.fromString(parts[0]), Long.parseLong(parts[1]), Math::max);
                    }
                    vertx.setTimer(1000, id -> {
                        announcing.set(false);
                        announce();
                    });
                });
    }

    /** Whether this node hears notifications now ({@code LISTEN} connection up). */
    public boolean listening() {
        if (subscriber == null || subscriber.getDelegate().actualConnection() == null) {
            listening = false;
        }
        return listening;
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}
