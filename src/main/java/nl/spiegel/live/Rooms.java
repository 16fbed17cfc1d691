package nl.spiegel.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpConnection;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import nl.spiegel.SpiegelConfig;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.Access;
import nl.spiegel.store.DatabaseOutage;
import nl.spiegel.store.EventStore;
import nl.spiegel.store.Notifications;
import nl.spiegel.store.Outcome;
import nl.spiegel.store.Sender;
import nl.spiegel.meeting.Rejection;

/**
 * The live rooms of this node. Nodes are equal: any node takes any command, and each learns of
 * events appended elsewhere from PostgreSQL ({@code LISTEN meeting_event}, carrying only meeting
 * id and seq), then reads them from the stream.
 */
@ApplicationScoped
public class Rooms {

    private static final Logger LOG = Logger.getLogger(Rooms.class);
    /** An empty room is dropped after this long; it is read again from the stream when needed. */
    static final Duration IDLE = Duration.ofMinutes(5);

    @Inject
    EventStore store;

    @Inject
    Notifications notifications;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    Vertx vertx;

    @Inject
    SpiegelConfig config;

    @Inject
    MeterRegistry registry;

    private final Map<UUID, Room> rooms = new ConcurrentHashMap<>();
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    /** Open connections per key hash, oldest first. */
    private final Map<String, Deque<Peer>> perKey = new ConcurrentHashMap<>();
    /**
     * Rate limits per key, not per connection, so that reconnecting does not reset them. Kept a
     * while after the last connection closed, for the same reason.
     */
    private final Cache<String, TokenBucket> limiters = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(200_000).build();

    /** Connections one listener key may have open at once: a phone and a laptop, and a spare. */
    static final int LISTENER_CONNECTIONS = 3;
    /** Connections one shared key (moderator, assistant, display) may have open at once. */
    static final int SHARED_CONNECTIONS = 20;
    /**
     * Connections one follow-up link may have open at once: it is printed on the letter to all
     * participants and given to the client council, who may read it together.
     */
    static final int FOLLOW_UP_CONNECTIONS = 100;
    private long sweepTimer = -1;
    private long pingTimer = -1;
    private long storageTimer = -1;
    /** What the live peers were told about storing: paused while the database is out of reach. */
    final StoragePause storage = new StoragePause(peers.values());
    /** Each connection is pinged in one of these slots of the ping interval, given in turn as they open. */
    static final int PING_SLOTS = 400;
    private final AtomicInteger nextPingSlot = new AtomicInteger();
    /** The peers of each ping slot: a tick touches only its own, not every connection (20 times a second). */
    private final List<Set<Peer>> pingSlots = IntStream.range(0, PING_SLOTS)
            .<Set<Peer>>mapToObj(slot -> ConcurrentHashMap.newKeySet()).toList();
    /** Only the ping timer counts these. */
    private long pingTicks;
    private Timer fanOut;
    /**
     * Commands taken on at once (see {@link Admission}). At the bench machine's capacity, some 1 400
     * commands a second stored in groups ({@code GroupCommit}), 128 underway wait about 90 ms on
     * average (docs/performance.md); fewer make smaller groups, and a lower capacity. A meeting's
     * moderator taps a few times a minute and never has 16 waiting.
     */
    static final int COMMANDS_UNDERWAY = 128;
    static final int COMMANDS_UNDERWAY_PER_MEETING = 16;
    private final Admission admission = new Admission(COMMANDS_UNDERWAY, COMMANDS_UNDERWAY_PER_MEETING);
    private final Map<String, Counter> eventsRead = new ConcurrentHashMap<>();

    void start(@Observes StartupEvent event) {
        metrics();
        notifications.on(Notifications.MEETING_EVENT, this::onEvent,
                // Notifications may have been missed before (re)connecting: every room reads what it lacks.
                () -> rooms.values().forEach(room -> room.catchUp(true)));
        notifications.on(Notifications.MEETING_ERASED, payload -> forget(UUID.fromString(payload)));
        long ping = config.livePing().toMillis();
        sweepTimer = vertx.setPeriodic(Math.min(15_000, ping), id -> sweep(ping));
        // One timer pings the connections of one slot at a time, a few every 50 ms: a timer for each
        // connection (as WebSockets Next's auto-ping has) cost every idle connection some 300 bytes,
        // and pinging by time connected sent a meeting's connections, opened together, hundreds at once.
        pingTimer = vertx.setPeriodic(Math.max(1, ping / PING_SLOTS), id -> pingSlot());
        storageTimer = vertx.setPeriodic(StoragePause.CHECK_MILLIS, id -> {
            if (storage.check(DatabaseOutage.since())) {
                // What failed to be read meanwhile (a notified event, a catch-up) is read now, not at the next event.
                rooms.values().forEach(room -> room.catchUp(true));
            }
        });
    }

    /** What this node's rooms and connections are doing, for /q/metrics (docs/operations.md). */
    private void metrics() {
        for (Role role : EnumSet.of(Role.MODERATOR, Role.ASSISTANT, Role.DISPLAY, Role.LISTENER)) {
            Gauge.builder("spiegel.live.connections", peers, all -> all.values().stream().filter(p -> p.role() == role).count())
                    .description("Open live connections").tag("role", role.name().toLowerCase(Locale.ROOT)).register(registry);
        }
        registry.counter("spiegel.limits.refused", "limit", "busy");
        Gauge.builder("spiegel.live.underway", admission, Admission::underway)
                .description("Commands taken on by this node and not yet answered").register(registry);
        Gauge.builder("spiegel.live.rooms", rooms, Map::size).description("Meetings live on this node").register(registry);
        Gauge.builder("spiegel.live.queued", this, Rooms::queued)
                .description("Characters sent to live connections and not yet written to them").baseUnit("bytes")
                .register(registry);
        Gauge.builder("spiegel.live.listening", this, rooms -> rooms.listening() ? 1 : 0)
                .description("1 while this node listens for other nodes' events").register(registry);
        fanOut = Timer.builder("spiegel.live.fanout").description("From an event's commit to its change sent to every live connection")
                .publishPercentileHistogram().register(registry);
    }

    /** Characters sent to live connections and not yet written to them. */
    long queued() {
        return peers.values().stream().mapToLong(Peer::queued).sum();
    }

    /** Whether this node hears of events appended by other nodes ({@code LISTEN} connection up). */
    boolean listening() {
        return notifications.listening();
    }

    Timer fanOut() {
        return fanOut;
    }

    /** Counts events a room read from the stream, by why it read them (notify, command, hello). */
    void read(String cause, int events) {
        eventsRead.computeIfAbsent(cause, c -> Counter.builder("spiegel.live.events.read")
                .description("Events read from the stream by live rooms").tag("cause", c).register(registry)).increment(events);
    }

    /** Shutting down: new live connections are refused, so clients go to another node. */
    private volatile boolean draining;

    public boolean draining() {
        return draining;
    }

    /**
     * When shutdown begins, while the server still runs: live connections close as going away (1001),
     * not as a normal end, so clients reconnect, to another node if there is one.
     */
    void goingAway(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
        List<Uni<Void>> closing = peers.values().stream()
                .map(peer -> peer.connection.close(CloseCode.GOING_AWAY.reason("server going away"))
                        .onFailure().recoverWithNull())
                .toList();
        if (!closing.isEmpty()) {
            Uni.join().all(closing).andFailFast().await().atMost(Duration.ofSeconds(5));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
            vertx.cancelTimer(pingTimer);
            vertx.cancelTimer(storageTimer);
        }
    }

    private void onEvent(String payload) {
        String[] parts = payload.split(" ", 2);
        Room room = rooms.get(UUID.fromString(parts[0]));
        if (room != null) {
            room.notified(Long.parseLong(parts[1]));
        }
    }

    Room room(UUID meetingId) {
        return rooms.computeIfAbsent(meetingId, id -> new Room(id, this, store));
    }

    /**
     * Applies a command to a meeting once, through its room on this node (see {@link Room#execute}),
     * from a live connection or over REST.
     */
    public Uni<Outcome> execute(UUID meetingId, Sender sender, String commandId, Command command, Instant actedAt) {
        return execute(meetingId, sender, commandId, command, actedAt, EventStore.NOTHING);
    }

    /** As {@link #execute(UUID, Sender, String, Command, Instant)}, with work that commits with its events. */
    public Uni<Outcome> execute(UUID meetingId, Sender sender, String commandId, Command command, Instant actedAt,
                                EventStore.InTransaction alsoDo) {
        return Uni.createFrom().deferred(() -> {
            Room room = room(meetingId);
            return measured(room, command, room.execute(sender, commandId, command, actedAt, alsoDo));
        });
    }

    /**
     * A command from a live connection, taken on only while the node has room for it
     * ({@link Admission}); otherwise it fails with {@link Busy} at once. Over REST a request waits
     * instead: its client holds a connection for it, and those are few.
     */
    Uni<Outcome> executeLive(UUID meetingId, Sender sender, String commandId, Command command, Instant actedAt) {
        return Uni.createFrom().deferred(() -> {
            Room room = room(meetingId);
            if (!admission.enter(room.underway, runsTheMeeting(sender.actor().role()))) {
                return Uni.createFrom().failure(new Busy());
            }
            return measured(room, command, room.execute(sender, commandId, command, actedAt, EventStore.NOTHING))
                    .onTermination().invoke(() -> admission.leave(room.underway));
        });
    }

    private static boolean runsTheMeeting(Role role) {
        return role == Role.MODERATOR || role == Role.ASSISTANT;
    }

    /**
     * Whether this node takes no more commands from this peer now: then a message that would wait
     * behind the peer's last one is refused at once instead ({@link Peer#receive}).
     */
    boolean busy(Peer peer) {
        return admission.full(runsTheMeeting(peer.role()));
    }

    /** Times a command for /q/metrics, by type and outcome; a rehearsal's are not counted. */
    private Uni<Outcome> measured(Room room, Command command, Uni<Outcome> executed) {
        Timer.Sample started = Timer.start(registry);
        return executed
                .onItemOrFailure().invoke((outcome, failure) -> {
                    if (!(outcome instanceof Outcome.Applied applied ? applied.meeting().details().practice() : room.practice())) {
                        started.stop(registry.timer("spiegel.commands", "type", command.getClass().getSimpleName(),
                                "outcome", failure != null ? "failed" : outcome instanceof Outcome.Rejected ? "rejected" : "applied",
                                "code", outcome instanceof Outcome.Rejected rejected ? rejected.rejection().code() : "none"));
                    }
                });
    }

    /** Whether this meeting, as this node holds it, is a rehearsal's copy: those are never counted in the metrics. */
    public boolean practice(UUID meetingId) {
        Room room = rooms.get(meetingId);
        return room != null && room.practice();
    }

    /** The meeting as it stands, for what is counted: refused when it does not exist or is a rehearsal. */
    public Uni<Meeting> counted(UUID meetingId) {
        return existing(meetingId).map(meeting -> {
            if (meeting.details().practice()) {
                throw Rejection.Reason.PRACTICE.rejection().refused();
            }
            return meeting;
        });
    }

    /** The meeting as stored now; {@link Meeting#exists()} is false for an unknown id. */
    public Uni<Meeting> meeting(UUID meetingId) {
        return room(meetingId).meeting();
    }

    /** The meeting as it stands now, refused as {@code NOT_FOUND} when it was never created. */
    public Uni<Meeting> existing(UUID meetingId) {
        return meeting(meetingId).map(meeting -> {
            if (!meeting.exists()) {
                throw Rejection.Reason.NOT_FOUND.rejection().refused();
            }
            return meeting;
        });
    }

    /** Drops this node's room of an erased meeting: nothing of it stays in memory. */
    public void forget(UUID meetingId) {
        Room room = rooms.remove(meetingId);
        if (room != null) {
            room.peers().forEach(peer -> peer.drop(CloseCode.REVOKED));
        }
    }

    /** The key hashes of the open connections to a meeting on this node. */
    public Set<String> openKeys(UUID meetingId) {
        Room room = rooms.get(meetingId);
        return room == null ? Set.of() : room.peers().stream().map(p -> p.access.keyHash()).collect(Collectors.toSet());
    }

    /** Closes the connections to a meeting whose key is not among {@code stillValid} (a rotated link, a removed listener). */
    public void closeRevoked(UUID meetingId, Set<String> stillValid) {
        Room room = rooms.get(meetingId);
        if (room != null) {
            room.peersWithout(stillValid).forEach(peer -> peer.drop(CloseCode.REVOKED));
        }
    }

    /**
     * A new connection. Over its key's limit of open connections the oldest one is closed: it is
     * most likely a phone's connection that died without a word, and the newest is the one in use.
     */
    Peer open(WebSocketConnection connection, HttpConnection transport, Access access) {
        Instant now = clock.instant();
        boolean listener = access.role() == Role.LISTENER || access.role() == Role.PUBLIC;
        TokenBucket limiter = limiters.get(access.keyHash(),
                hash -> listener ? TokenBucket.forListener(now) : TokenBucket.forModerator(now));
        Peer peer = new Peer(connection, transport, access, limiter, now,
                Math.floorMod(nextPingSlot.getAndIncrement(), PING_SLOTS));
        peers.put(connection.id(), peer);
        pingSlots.get(peer.pingSlot).add(peer);
        int max = switch (access.role()) {
            case LISTENER -> LISTENER_CONNECTIONS;
            case PUBLIC -> FOLLOW_UP_CONNECTIONS;
            default -> SHARED_CONNECTIONS;
        };
        Peer[] oldest = new Peer[1];
        perKey.compute(access.keyHash(), (hash, open) -> {
            // Mostly one connection per key: the default 16 slots would cost every connection 56 bytes.
            Deque<Peer> list = open == null ? new ArrayDeque<>(1) : open;
            list.addLast(peer);
            if (list.size() > max) {
                oldest[0] = list.pollFirst();
            }
            return list;
        });
        if (oldest[0] != null) {
            oldest[0].close(CloseCode.TOO_MANY_CONNECTIONS, "at most " + max + " connections with this key");
        }
        return peer;
    }

    Peer peer(WebSocketConnection connection) {
        return peers.get(connection.id());
    }

    void close(WebSocketConnection connection) {
        Peer peer = peers.remove(connection.id());
        if (peer != null) {
            pingSlots.get(peer.pingSlot).remove(peer);
            perKey.computeIfPresent(peer.access.keyHash(), (hash, open) -> {
                open.remove(peer);
                return open.isEmpty() ? null : open;
            });
            Room room = rooms.get(peer.access.meetingId());
            if (room != null) {
                room.leave(peer);
            }
        }
    }

    /** Open connections, and those in a ping slot: the same number once opening and closing settled. */
    int open() {
        return peers.size();
    }

    int pinged() {
        return pingSlots.stream().mapToInt(Set::size).sum();
    }

    /** Pings the peers of the next slot. */
    private void pingSlot() {
        pingSlots.get((int) (pingTicks++ % PING_SLOTS)).forEach(Peer::ping);
    }

    /**
     * Drops peers that answered none of three and a half pings (70 s at the default of 20 s), and
     * rooms nobody has been in for a while.
     */
    private void sweep(long ping) {
        Instant now = clock.instant();
        long silentSince = now.toEpochMilli() - ping * 7 / 2;
        for (Peer peer : peers.values()) {
            if (peer.lastSeen < silentSince) {
                peer.drop(CloseCode.GOING_AWAY, "ping");
            }
        }
        for (UUID id : rooms.keySet()) {
            rooms.computeIfPresent(id, (key, room) -> room.peers().isEmpty() && room.idle()
                    && now.toEpochMilli() - room.idleSince > IDLE.toMillis() ? null : room);
        }
    }
}
