package nl.spiegel.live;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.util.RawValue;

import io.smallrye.mutiny.Uni;
import nl.spiegel.meeting.Actor;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Decision;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.MeetingCore;
import nl.spiegel.meeting.Recorded;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.DatabaseOutage;
import nl.spiegel.store.EventStore;
import nl.spiegel.store.EventStore.InTransaction;
import nl.spiegel.store.EventStore.Stored;
import nl.spiegel.store.Outcome;
import nl.spiegel.store.Sender;
import nl.spiegel.store.Verdict;

/**
 * The owner of one meeting on this node. Everything that happens to the meeting here takes its turn
 * in one line ({@link OneAtATime}): a command (from a live connection or over REST) is decided on
 * the room's state, kept by the {@link EventStore}, folded in once, projected into each role's view
 * and sent to the open connections before it is answered; events appended by other nodes are read
 * and sent the same way when a notification names them; a client that says hello gets its snapshot
 * or the changes it missed, then every change, in order, with no gap and no duplicate.
 *
 * <p>For clients that resume, each role group keeps its last {@value #HISTORY} changes within its
 * own budget of characters (docs/protocol.md); a room loaded from the stream rebuilds as many.
 */
final class Room {

    private static final Logger LOG = Logger.getLogger(Room.class);
    /**
     * How many changes a reconnecting client can catch up on; older gets a fresh snapshot. A phone
     * that lost its network for a minute misses a few dozen.
     */
    static final int HISTORY = 64;
    /**
     * Characters of changes kept per role group, each enough for {@value #HISTORY} changes of an
     * ordinary meeting (docs/protocol.md states the depths; ResumeDepthTest holds them): a change
     * carries what changed, lists patched by id, so a listener's is about 200 characters, the
     * display's and the follow-up page's about 130, a moderator's about 2 000 (the speaking
     * statistics move with every event). Past its budget a reconnecting client gets a snapshot.
     */
    static final long LISTENER_HISTORY_CHARS = 32L * 1024;
    static final long MODERATOR_HISTORY_CHARS = 160L * 1024;
    static final long DISPLAY_HISTORY_CHARS = 16L * 1024;
    static final long FOLLOW_UP_HISTORY_CHARS = 16L * 1024;
    /** Another node appending at the same moment makes a command try again; this many times at most. */
    private static final int MAX_ATTEMPTS = 25;

    final UUID meetingId;
    private final Rooms rooms;
    private final EventStore store;
    private final OneAtATime line = new OneAtATime();
    private final Set<Peer> peers = ConcurrentHashMap.newKeySet();
    /** The highest seq a notification named; read in the line. */
    private final AtomicLong notified = new AtomicLong();
    private final AtomicBoolean catchUpQueued = new AtomicBoolean();
    /** A catch-up must read, notified or not: notifications may have been missed. */
    private final AtomicBoolean readAnyway = new AtomicBoolean();
    /** False until the stream was read once, and again after a read failed. */
    private volatile boolean read;

    // Changed in the line only.
    private volatile Meeting state = Meeting.none();

    /** A rehearsal's copy, as far as this room has read it. */
    boolean practice() {
        Meeting meeting = state;
        return meeting.exists() && meeting.details().practice();
    }
    private RoleViews views = RoleViews.EMPTY;
    /** The shared listener view of {@link #views}, written once for all listeners who asked nothing. */
    private String sharedListenerView;
    private final History moderatorHistory = new History(MODERATOR_HISTORY_CHARS);
    private final History displayHistory = new History(DISPLAY_HISTORY_CHARS);
    private final History listenerHistory = new History(LISTENER_HISTORY_CHARS);
    private final History followUpHistory = new History(FOLLOW_UP_HISTORY_CHARS);
    volatile long idleSince;
    /** Commands taken on for this meeting and not yet answered ({@link Admission}). */
    final AtomicInteger underway = new AtomicInteger();

    /**
     * One event's change for a role group, and for each listener whose own part changed; {@code shared}
     * is {@code null} when the event changed nothing the group shares.
     */
    private record Change(long seq, Frame shared, Map<String, Frame> personal, long chars) {

        /** The change, or {@code null} when the event sends the group nothing. */
        static Change of(long seq, String shared, Map<String, String> personal) {
            if (shared == null && personal.isEmpty()) {
                return null;
            }
            Frame all = shared == null ? null : Frame.of(shared);
            Map<String, Frame> own = personal.isEmpty() ? Map.of() : HashMap.newHashMap(personal.size());
            personal.forEach((listener, text) -> own.put(listener, Frame.of(text)));
            long chars = (all == null ? 0 : all.chars) + own.values().stream().mapToLong(f -> f.chars).sum();
            return new Change(seq, all, own, chars);
        }

        /** The frame for {@code peer}, or {@code null} when this change is not for them. */
        Frame to(Peer peer) {
            return peer.role() == Role.LISTENER ? personal.getOrDefault(peer.access.listenerId(), shared) : shared;
        }
    }

    /**
     * A role group's latest changes, oldest first, within its own budget of characters, and the
     * last change that took a text out of the group's view: a client that missed it gets a snapshot,
     * never the older changes that still carry the text. Events that changed nothing for the group
     * have no change here: every change the group had after {@code since} is held.
     */
    private static final class History {
        private final Deque<Change> changes = new ArrayDeque<>();
        private final long maxChars;
        private long chars;
        private long retractedAt;
        private long since;

        History(long maxChars) {
            this.maxChars = maxChars;
        }

        /** Adds an event's change, if it has one for the group. */
        void add(Change change, boolean retracts) {
            if (change == null) {
                return;
            }
            if (since == Long.MAX_VALUE) {
                since = change.seq();
            }
            changes.addLast(change);
            chars += change.chars();
            if (retracts) {
                retractedAt = change.seq();
            }
            while (changes.size() > HISTORY || (chars > maxChars && changes.size() > 1)) {
                Change dropped = changes.removeFirst();
                chars -= dropped.chars();
                since = dropped.seq();
            }
        }

        /**
         * Forgets every change: the views were made afresh at {@code seq}. Unless that event changed
         * the group's view ({@code changedThere}), its clients may hold one made at an earlier event:
         * then none resumes before the group's next change.
         */
        void restart(long seq, boolean changedThere) {
            changes.clear();
            chars = 0;
            since = changedThere ? seq : Long.MAX_VALUE;
        }

        /** Whether a client that has every change up to {@code lastSeq} can be sent the rest from here. */
        boolean resumes(long lastSeq) {
            return retractedAt <= lastSeq && lastSeq >= since;
        }

        List<Frame> after(long lastSeq, Peer peer) {
            List<Frame> missed = new ArrayList<>();
            for (Change change : changes) {
                Frame frame = change.seq() > lastSeq ? change.to(peer) : null;
                if (frame != null) {
                    missed.add(frame);
                }
            }
            return missed;
        }
    }

    /** A verdict with the meeting after each of its events, so that each is folded in once. */
    private record Decided(Verdict verdict, List<Meeting> steps) {}

    Room(UUID meetingId, Rooms rooms, EventStore store) {
        this.meetingId = meetingId;
        this.rooms = rooms;
        this.store = store;
        this.idleSince = rooms.clock.millis();
    }

    long seq() {
        return state.seq();
    }

    Set<Peer> peers() {
        return peers;
    }

    /** Whether nothing is underway or waiting in the line. */
    boolean idle() {
        return line.idle();
    }

    // Commands

    /**
     * Applies a command once. A command id seen before for this meeting gets the first outcome and
     * appends nothing; a {@code null} command id is never deduplicated. Connections get the change
     * before the outcome is returned.
     */
    Uni<Outcome> execute(Sender sender, String clientCommandId, Command command, Instant actedAt, InTransaction alsoDo) {
        String commandId = EventStore.scoped(sender, clientCommandId);
        return line.next(() -> decideAndKeep(sender.actor(), commandId, command, actedAt, alsoDo));
    }

    /**
     * Most commands go to a meeting this room holds and append events that need nothing else stored
     * with them: those are decided on the room's state and appended in one statement, without
     * reading first. That state is never wrong, at most behind (another node appended): then the next
     * seq is taken, the statement fails as a whole, and the command goes the careful way. A refusal or
     * an unchanged answer always goes the careful way too: it is kept for good, so it is decided on
     * the latest state, never on one that may be behind.
     */
    private Uni<Outcome> decideAndKeep(Actor actor, String commandId, Command command, Instant actedAt,
                                       InTransaction alsoDo) {
        if (read && state.exists() && alsoDo == EventStore.NOTHING) {
            Decided decided = decide(actor, command, actedAt);
            if (decided.verdict() instanceof Verdict.Append append && !store.needsTransaction(append.events())) {
                return store.append(meetingId, commandId, append)
                        .map(applied -> (Outcome) fold(applied, decided.steps()))
                        .onFailure(EventStore::isConflict)
                        .recoverWithUni(() -> carefully(actor, commandId, command, actedAt, alsoDo));
            }
        }
        return carefully(actor, commandId, command, actedAt, alsoDo);
    }

    /**
     * Reads what other nodes appended, decides on that, and keeps the verdict in a transaction that
     * first looks up the command id (a retry gets its first answer). Another node appending in
     * between collides on the seq: then all of it again.
     */
    private Uni<Outcome> carefully(Actor actor, String commandId, Command command, Instant actedAt, InTransaction alsoDo) {
        Decided[] decided = new Decided[1];
        return Uni.createFrom().deferred(() -> readNew("command").chain(() -> {
                    decided[0] = decide(actor, command, actedAt);
                    return store.keep(meetingId, state, commandId, decided[0].verdict(), alsoDo);
                }))
                .onFailure(EventStore::isConflict).retry()
                .withBackOff(Duration.ofMillis(2), Duration.ofMillis(100)).withJitter(0.5).atMost(MAX_ATTEMPTS)
                .chain(stored -> switch (stored) {
                    case Stored.Seen seen -> replay(seen);
                    case Stored.Kept(Outcome.Applied applied) when !applied.events().isEmpty() ->
                            Uni.createFrom().item(fold(applied, decided[0].steps()));
                    case Stored.Kept(Outcome outcome) -> Uni.createFrom().item(outcome);
                });
    }

    /** The core's decision on the room's state, at the server's time (see {@link MeetingCore#decide}). */
    private Decided decide(Actor actor, Command command, Instant actedAt) {
        // PostgreSQL keeps microseconds: a state folded here must equal one read back from the stream.
        Instant now = rooms.clock.instant().truncatedTo(ChronoUnit.MICROS);
        Decision decision = MeetingCore.decide(state, actor, command, now,
                actedAt == null ? null : actedAt.truncatedTo(ChronoUnit.MICROS));
        return switch (decision) {
            case Decision.Rejected rejected -> new Decided(new Verdict.Refused(rejected.rejection()), List.of());
            case Decision.Accepted accepted when accepted.events().isEmpty() -> new Decided(new Verdict.Unchanged(), List.of());
            case Decision.Accepted accepted -> {
                List<Recorded> recorded = MeetingCore.record(state, accepted);
                List<Meeting> steps = new ArrayList<>(recorded.size());
                Meeting step = state;
                for (Recorded r : recorded) {
                    step = MeetingCore.evolve(step, r);
                    steps.add(step);
                }
                yield new Decided(new Verdict.Append(accepted.at(), recorded, step), steps);
            }
        };
    }

    /** The first answer again: the refusal, or the events the command appended and the seq it named. */
    private Uni<Outcome> replay(Stored.Seen seen) {
        if (seen.rejection() != null) {
            return Uni.createFrom().item(new Outcome.Rejected(seen.rejection()));
        }
        return readNew("command").chain(() -> store.events(meetingId, seen.firstSeq() - 1, seen.lastSeq()))
                .map(events -> new Outcome.Applied(state, events, true, seen.lastSeq()));
    }

    /** A command's events, kept: each folded in as decided, and sent. */
    private Outcome.Applied fold(Outcome.Applied applied, List<Meeting> steps) {
        List<Recorded> events = applied.events();
        for (int i = 0; i < events.size(); i++) {
            advance(events.get(i), steps.get(i), true, true);
        }
        return applied;
    }

    // Reading

    /** The meeting as stored now, with what other nodes appended. */
    Uni<Meeting> meeting() {
        return line.next(() -> (current() ? Uni.createFrom().voidItem() : readNew("read")).map(ignored -> state));
    }

    /**
     * A notification that the meeting's stream reached {@code seq}. This node's own commands are
     * folded in when they are kept, mostly before their notification is read here: a read is only
     * queued when the notification names an event the room lacks, and done only when it still does.
     */
    void notified(long seq) {
        notified.accumulateAndGet(seq, Math::max);
        if (seq > state.seq()) {
            catchUp(false);
        }
    }

    /** Reads what was appended since this room's last event: always, or when a notification named more. */
    void catchUp(boolean always) {
        if (always) {
            readAnyway.set(true);
        }
        if (!catchUpQueued.compareAndSet(false, true)) {
            return;
        }
        line.next(() -> {
            catchUpQueued.set(false);
            return readAnyway.getAndSet(false) || notified.get() > state.seq() ? readNew("notify") : Uni.createFrom().voidItem();
        }).subscribe().with(ok -> { }, failure -> LOG.warn("Catching up failed", failure));
    }

    /**
     * A room that has read the stream while this node hears every appended event is current: an event
     * whose notification is still on its way is read after whatever asked, in this same line.
     */
    private boolean current() {
        return read && rooms.listening() && notified.get() <= state.seq();
    }

    private Uni<Void> readNew(String cause) {
        return store.eventsAfter(meetingId, state.seq()).onFailure().invoke(failure -> read = false).invoke(events -> {
            rooms.read(cause, events.size());
            // A long stream is folded first; the views are projected at the event before the last
            // HISTORY, and from there each change is made as a running room made it: the same depth.
            // Peers already here hold views from before those events: they get a snapshot instead.
            int first = Math.max(0, events.size() - HISTORY);
            for (int i = 0; i < events.size(); i++) {
                Recorded recorded = events.get(i);
                if (recorded.seq() != state.seq() + 1) {
                    throw new IllegalStateException("Gap in the stream of meeting " + meetingId + " at seq " + recorded.seq());
                }
                Meeting next = MeetingCore.evolve(state, recorded);
                if (i >= first) {
                    advance(recorded, next, first == 0 && !cause.equals("hello"), first == 0);
                } else {
                    Meeting before = state;
                    state = next;
                    if (i == first - 1) {
                        views = RoleViews.of(next, recorded.at());
                        sharedListenerView = null;
                        RoleViews.Changed changed = RoleViews.Changed.by(before, next, recorded.at());
                        moderatorHistory.restart(recorded.seq(), true);
                        displayHistory.restart(recorded.seq(), changed.display());
                        listenerHistory.restart(recorded.seq(), changed.listeners());
                        followUpHistory.restart(recorded.seq(), changed.followUp());
                    }
                }
            }
            if (first > 0) {
                for (Peer peer : peers) {
                    if (peer.live) {
                        peer.send(snapshot(peer));
                    }
                }
            }
            read = true;
        }).replaceWithVoid();
    }

    // Views and connections

    /**
     * The meeting one event further: its views per role, the change each role group is sent, kept for
     * clients that resume. {@code fresh}: just appended, so its fan-out time is worth measuring;
     * {@code send}: to the peers here, who hold the views before it.
     */
    private void advance(Recorded recorded, Meeting next, boolean fresh, boolean send) {
        long seq = recorded.seq();
        RoleViews.Next after = RoleViews.next(views, state, next, seq, recorded.at(), this::write);
        state = next;
        RoleViews.Changes changes = after.changes();
        Change moderator = Change.of(seq, changes.moderator(), Map.of());
        Change display = Change.of(seq, changes.display(), Map.of());
        Change listeners = Change.of(seq, changes.listeners(), changes.personal());
        Change followUp = Change.of(seq, changes.followUp(), Map.of());
        moderatorHistory.add(moderator, false);
        displayHistory.add(display, changes.displayRetracts());
        listenerHistory.add(listeners, changes.listenersRetract());
        followUpHistory.add(followUp, changes.followUpRetracts());
        views = after.sent();
        sharedListenerView = null;
        for (Peer peer : send ? peers : Set.<Peer>of()) {
            Change change = switch (peer.role()) {
                case MODERATOR, ASSISTANT -> moderator;
                case DISPLAY -> display;
                case LISTENER -> listeners;
                case PUBLIC -> followUp;
                case ORGANISER -> null;
            };
            Frame frame = change == null || !peer.live ? null : change.to(peer);
            if (frame != null) {
                peer.send(frame);
            }
        }
        if (fresh && !peers.isEmpty()) {
            rooms.fanOut().record(Duration.between(recorded.at(), rooms.clock.instant()));
        }
    }

    private History historyOf(Role role) {
        return switch (role) {
            case MODERATOR, ASSISTANT -> moderatorHistory;
            case DISPLAY -> displayHistory;
            case LISTENER -> listenerHistory;
            case PUBLIC -> followUpHistory;
            case ORGANISER -> throw new IllegalStateException("An organiser has no live view");
        };
    }

    /**
     * A client says hello with the last seq it has (or none): it gets what it missed, or a fresh
     * snapshot, then {@code ready}, and from then on every change.
     */
    Uni<Void> hello(Peer peer, Long lastSeq) {
        return line.next(() -> (current() || heldWhilePaused() ? Uni.createFrom().voidItem() : readNew("hello")).invoke(() -> {
            long seq = state.seq();
            History history = historyOf(peer.role());
            // Only the seq of a change the client applied (1 or more) can be resumed from; anything else is a fresh start.
            boolean resumes = lastSeq != null && lastSeq >= 1 && lastSeq <= seq && (lastSeq == seq || history.resumes(lastSeq));
            if (resumes) {
                history.after(lastSeq, peer).forEach(peer::send);
            } else {
                peer.send(snapshot(peer));
            }
            Map<String, Object> ready = new LinkedHashMap<>();
            ready.put("type", "ready");
            ready.put("seq", seq);
            ready.put("serverTime", rooms.clock.instant());
            peer.send(write(ready));
            rooms.storage.live(peer);
            peers.add(peer);
        }));
    }

    /**
     * While the database is out of reach, a room that holds the meeting answers a hello from what it
     * holds: its other peers hold no more, and all of them get what they missed once it is back.
     */
    private boolean heldWhilePaused() {
        return DatabaseOutage.down() && state.exists();
    }

    private String snapshot(Peer peer) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "snapshot");
        message.put("seq", state.seq());
        message.put("serverTime", rooms.clock.instant());
        message.put("role", peer.role());
        switch (peer.role()) {
            case MODERATOR, ASSISTANT -> message.put("view", views.moderator);
            case DISPLAY -> message.put("view", views.display);
            case PUBLIC -> message.put("view", views.followUp);
            case LISTENER -> {
                String listenerId = peer.access.listenerId();
                message.put("listenerId", listenerId);
                // Forty listeners saying hello to the same room get the same view: written once.
                if (views.personal.containsKey(listenerId)) {
                    message.put("view", views.listenerView(listenerId));
                } else {
                    if (sharedListenerView == null) {
                        sharedListenerView = write(views.listeners);
                    }
                    message.put("view", new RawValue(sharedListenerView));
                }
            }
            case ORGANISER -> throw new IllegalStateException("An organiser has no live view");
        }
        return write(message);
    }

    void leave(Peer peer) {
        peers.remove(peer);
        if (peers.isEmpty()) {
            idleSince = rooms.clock.millis();
        }
    }

    /** Peers whose key no longer works, for the caller to close. */
    List<Peer> peersWithout(Set<String> validKeyHashes) {
        List<Peer> revoked = new ArrayList<>();
        for (Peer peer : peers) {
            if (!validKeyHashes.contains(peer.access.keyHash())) {
                revoked.add(peer);
            }
        }
        return revoked;
    }

    private String write(Object message) {
        try {
            return rooms.json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            LOG.error("Cannot serialise a live message", e);
            throw new IllegalStateException(e);
        }
    }
}
