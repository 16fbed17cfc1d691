package nl.spiegel.live;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import io.smallrye.mutiny.Uni;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.MeetingCore;
import nl.spiegel.meeting.Recorded;
import nl.spiegel.meeting.Role;
import nl.spiegel.meeting.Views;
import nl.spiegel.meeting.Views.Own;
import nl.spiegel.store.EventStore;
import nl.spiegel.store.Turns;

/**
 * A meeting running live on this node: its state, the views of each role, the changes of the last
 * {@value #HISTORY} events (at most {@value #HISTORY_CHARS} characters) for clients that resume, and
 * the open connections. Every step runs in
 * one line of {@link Turns}, so a peer sees its snapshot or missed changes, then every change, in
 * order, with no gap and no duplicate.
 */
final class Room {

    private static final Logger LOG = Logger.getLogger(Room.class);
    /**
     * How many changes a reconnecting client can catch up on; older gets a fresh snapshot. A phone
     * that lost its network for a minute misses a few dozen; past that a snapshot is about as
     * small, and every room keeps this much in memory, where it outlives young collections.
     */
    static final int HISTORY = 64;
    /**
     * Changes rebuilt when a room is loaded (a node restarted, or a client came to another node):
     * a client that moved over missed at most a few; older ones get a snapshot. Many meetings open
     * at once must not each hold a long history they were never sent.
     */
    static final int LOADED_HISTORY = 20;
    /**
     * Characters of changes kept for the listeners, whose changes are small (a few hundred
     * characters): 64 of them fit. Moderators' changes carry a few KB each and the display's are
     * seldom resumed, so theirs keep less; past it a reconnecting moderator gets a snapshot. When
     * one budget served all roles, a room of 40 listeners kept 128 KB, 3 KB for each connection.
     */
    static final long LISTENER_HISTORY_CHARS = 32L * 1024;
    static final long MODERATOR_HISTORY_CHARS = 16L * 1024;
    static final long DISPLAY_HISTORY_CHARS = 8L * 1024;
    /**
     * Fields whose text a role may lose again: a shared note made private or deleted, a question
     * taken out of the queue, a participant removed. A resume never replays what the view no longer holds.
     */
    private static final Set<String> RETRACTABLE = Set.of("text", "pseudonym");
    private static final String LISTENER_MARKER = "listener-id-of-this-snapshot";

    final UUID meetingId;
    private final EventStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final Rooms rooms;
    /** Everything that reads the stream or sends to peers takes turns, so each peer sees changes in order. */
    private final Turns<UUID> queue = new Turns<>();
    private final Set<Peer> peers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean catchUpQueued = new AtomicBoolean();
    /** The highest seq a notification named, and the live commands of this node underway (see {@link #notified}). */
    private final AtomicLong notifiedSeq = new AtomicLong();
    private final AtomicInteger commandsUnderway = new AtomicInteger();
    /** A read of the stream failed: a notified event may be missing until the next read succeeds. */
    private volatile boolean behind;

    private Meeting state = Meeting.none();
    private RoleViews views = RoleViews.EMPTY;
    /** {@link #sharedListenerView} of the views it was written from; {@code null} until a listener says hello. */
    private String sharedListenerView;
    private RoleViews sharedListenerViewOf;
    private final History moderatorHistory = new History(MODERATOR_HISTORY_CHARS);
    private final History displayHistory = new History(DISPLAY_HISTORY_CHARS);
    private final History listenerHistory = new History(LISTENER_HISTORY_CHARS);
    volatile long idleSince;

    /** One event's change for a role group, and for each listener whose own part changed. */
    private record Change(long seq, String shared, Map<String, String> personal, long chars) {

        String to(Peer peer) {
            return peer.role() == Role.LISTENER ? personal.getOrDefault(peer.access.listenerId(), shared) : shared;
        }
    }

    /** A role group's latest changes, oldest first, within its own budget of characters. */
    private static final class History {
        private final Deque<Change> changes = new ArrayDeque<>();
        private final long maxChars;
        private long chars;

        History(long maxChars) {
            this.maxChars = maxChars;
        }

        void add(Change change) {
            changes.addLast(change);
            chars += change.chars();
            while (changes.size() > HISTORY || (chars > maxChars && changes.size() > 1)) {
                chars -= changes.removeFirst().chars();
            }
        }

        /** The change just added: it is always kept, whatever its size. */
        Change latest() {
            return changes.peekLast();
        }

        /** Whether every change after {@code lastSeq} is still here. */
        boolean holdsAfter(long lastSeq) {
            return !changes.isEmpty() && changes.peekFirst().seq() <= lastSeq + 1;
        }

        List<String> after(long lastSeq, Peer peer) {
            List<String> missed = new ArrayList<>();
            for (Change change : changes) {
                if (change.seq() > lastSeq) {
                    missed.add(change.to(peer));
                }
            }
            return missed;
        }
    }

    Room(UUID meetingId, EventStore store, ObjectMapper json, Clock clock, Rooms rooms) {
        this.meetingId = meetingId;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.rooms = rooms;
        this.idleSince = clock.millis();
    }

    long seq() {
        return state.seq();
    }

    boolean exists() {
        return state.exists();
    }

    Set<Peer> peers() {
        return peers;
    }

    /**
     * A notification that the meeting's stream reached {@code seq}. While a live command of this
     * node is on its way the room does not read: the command hands it its events as appended (the
     * node's own notification mostly arrives before the command's answer, and reading then cost a
     * round trip and a quarter of the core at 3 commands a second, docs/performance.md); what is
     * still missing after the last such command is read then.
     */
    void notified(long seq) {
        notifiedSeq.accumulateAndGet(seq, Math::max);
        if (commandsUnderway.get() == 0) {
            readIfNotified();
        }
    }

    void commandStarted() {
        commandsUnderway.incrementAndGet();
    }

    void commandDone() {
        if (commandsUnderway.decrementAndGet() == 0) {
            readIfNotified();
        }
    }

    /** Reads when a notification named an event this room lacks. */
    void readIfNotified() {
        if (notifiedSeq.get() > seq()) {
            catchUp().subscribe().with(ok -> { }, failure -> LOG.warn("Catching up failed", failure));
        }
    }

    /** Reads what was appended since this room's last event and sends it to every live peer. */
    Uni<Void> catchUp() {
        if (!catchUpQueued.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return queue.inTurn(meetingId, () -> {
            catchUpQueued.set(false);
            return readNew("notify");
        });
    }

    /**
     * Completes once this room has sent every event up to {@code seq}. {@code appended} are the
     * command's events as this node stored them: when they follow on from the room's last event they
     * are sent as they are, without reading them back; after a gap the stream is read.
     */
    Uni<Void> advanceTo(long seq, List<Recorded> appended) {
        return queue.inTurn(meetingId, () -> {
            if (!appended.isEmpty() && appended.getFirst().seq() <= state.seq() + 1) {
                List<Recorded> missing = appended.stream().filter(recorded -> recorded.seq() > state.seq()).toList();
                rooms.read("appended", missing.size());
                missing.forEach(recorded -> apply(recorded, true, true));
            }
            return state.seq() >= seq ? Uni.createFrom().voidItem() : readNew("command");
        });
    }

    private Uni<Void> readNew(String cause) {
        return store.eventsAfter(meetingId, state.seq()).onFailure().invoke(failure -> behind = true).invoke(events -> {
            behind = false;
            rooms.read(cause, events.size());
            // The first load folds a long stream: keep views only for the events a client may resume from.
            int first = Math.max(0, events.size() - (state.seq() == 0 ? LOADED_HISTORY : HISTORY) - 1);
            for (int i = 0; i < events.size(); i++) {
                apply(events.get(i), i >= first, !cause.equals("hello"));
            }
        }).replaceWithVoid();
    }

    /** {@code fresh}: read because it was just appended, so its fan-out time is worth measuring. */
    private void apply(Recorded recorded, boolean project, boolean fresh) {
        if (recorded.seq() != state.seq() + 1) {
            throw new IllegalStateException("Gap in the stream of meeting " + meetingId + " at seq " + recorded.seq());
        }
        state = MeetingCore.evolve(state, recorded);
        if (!project) {
            return;
        }
        RoleViews next = RoleViews.of(state, recorded.at());
        Map<String, Object> shared = RoleViews.delta(views.listeners, next.listeners, Views.PERSONAL_FIELDS);
        String moderator = changeMessage(recorded, RoleViews.delta(views.moderator, next.moderator, Set.of()));
        String display = changeMessage(recorded, RoleViews.delta(views.display, next.display, Set.of()));
        String listeners = changeMessage(recorded, shared);
        Map<String, String> personal = new HashMap<>();
        long chars = listeners.length();
        Set<String> owners = new HashSet<>(views.personal.keySet());
        owners.addAll(next.personal.keySet());
        for (String listenerId : owners) {
            Own before = views.own(listenerId);
            Own after = next.own(listenerId);
            if (!before.equals(after)) {
                Map<String, Object> view = new LinkedHashMap<>(shared);
                view.putAll(RoleViews.ownDelta(before, after));
                String message = changeMessage(recorded, view);
                personal.put(listenerId, message);
                chars += message.length();
            }
        }
        views = next;
        moderatorHistory.add(new Change(recorded.seq(), moderator, Map.of(), moderator.length()));
        displayHistory.add(new Change(recorded.seq(), display, Map.of(), display.length()));
        listenerHistory.add(new Change(recorded.seq(), listeners, personal, chars));
        for (Peer peer : peers) {
            if (peer.live) {
                peer.send(historyOf(peer.role()).latest().to(peer));
            }
        }
        if (fresh && !peers.isEmpty()) {
            rooms.fanOut().record(Duration.between(recorded.at(), clock.instant()));
        }
    }

    private History historyOf(Role role) {
        return switch (role) {
            case MODERATOR, ASSISTANT -> moderatorHistory;
            case DISPLAY -> displayHistory;
            case LISTENER -> listenerHistory;
            case ORGANISER -> throw new IllegalStateException("An organiser has no live view");
        };
    }

    private String changeMessage(Recorded recorded, Map<String, Object> view) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "change");
        message.put("seq", recorded.seq());
        message.put("at", recorded.at());
        message.put("view", view);
        return write(message);
    }

    /**
     * A room that holds the meeting while this node hears every appended event is current: an event
     * whose notification is still on its way reaches the peer after its snapshot, in this same line.
     * Otherwise (a new room, a failed read, or the {@code LISTEN} connection lost) the stream is read first.
     */
    private Uni<Void> current() {
        return state.exists() && !behind && rooms.listening() ? Uni.createFrom().voidItem() : readNew("hello");
    }

    /**
     * A client says hello with the last seq it has (or none): it gets what it missed, or a fresh
     * snapshot, then {@code ready}, and from then on every change.
     */
    Uni<Void> hello(Peer peer, Long lastSeq) {
        return queue.inTurn(meetingId, () -> current().invoke(() -> {
            long seq = state.seq();
            History history = historyOf(peer.role());
            // Only the seq of a change the client applied (1 or more) can be resumed from; anything else is a fresh start.
            boolean canResume = lastSeq != null && lastSeq >= 1 && lastSeq <= seq
                    && (lastSeq == seq || history.holdsAfter(lastSeq));
            List<String> missed = canResume ? history.after(lastSeq, peer) : List.of();
            if (canResume && !(peer.role() != Role.MODERATOR && peer.role() != Role.ASSISTANT
                    && retractedSince(missed, json.valueToTree(viewFor(peer))))) {
                missed.forEach(peer::send);
            } else {
                peer.send(snapshot(peer));
            }
            ObjectNode ready = json.createObjectNode().put("type", "ready").put("seq", seq)
                    .put("serverTime", clock.instant().toString());
            peer.send(write(ready));
            peer.live = true;
            peers.add(peer);
        }));
    }

    private String snapshot(Peer peer) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "snapshot");
        message.put("seq", state.seq());
        message.put("serverTime", clock.instant());
        message.put("role", peer.role());
        if (peer.role() == Role.LISTENER) {
            message.put("listenerId", peer.access.listenerId());
            if (!views.personal.containsKey(peer.access.listenerId())) {
                message.put("view", new RawValue(sharedListenerView(peer.access.listenerId())));
                return write(message);
            }
        }
        message.put("view", viewFor(peer));
        return write(message);
    }

    /**
     * The view of a listener with no own part, as JSON: written once per event for the room and
     * given each listener's id, because 40 listeners saying hello to the same room get the same view.
     * The id is the view's third field, before any text, so the first marker is the one to replace.
     */
    private String sharedListenerView(String listenerId) {
        if (sharedListenerViewOf != views) {
            sharedListenerView = write(views.listeners.forListener(LISTENER_MARKER, Own.NONE));
            sharedListenerViewOf = views;
        }
        String marker = write(LISTENER_MARKER);
        int at = sharedListenerView.indexOf(marker);
        return sharedListenerView.substring(0, at) + write(listenerId) + sharedListenerView.substring(at + marker.length());
    }

    private Record viewFor(Peer peer) {
        return switch (peer.role()) {
            case MODERATOR, ASSISTANT -> views.moderator;
            case DISPLAY -> views.display;
            case LISTENER -> views.listenerView(peer.access.listenerId());
            case ORGANISER -> throw new IllegalStateException("An organiser has no live view");
        };
    }

    /** Whether the changes carry a text the current view no longer holds: then only a snapshot is safe. */
    private boolean retractedSince(List<String> changes, ObjectNode current) {
        Set<String> held = new HashSet<>();
        retractable(current, held);
        Set<String> sent = new HashSet<>();
        try {
            for (String change : changes) {
                retractable(json.readTree(change).path("view"), sent);
            }
        } catch (JsonProcessingException e) {
            return true;
        }
        return !held.containsAll(sent);
    }

    private static void retractable(JsonNode node, Set<String> into) {
        node.properties().forEach(field -> {
            if (RETRACTABLE.contains(field.getKey()) && field.getValue().isTextual()) {
                into.add(field.getValue().asText());
            }
        });
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                retractable(child, into);
            }
        }
    }

    void leave(Peer peer) {
        peers.remove(peer);
        if (peers.isEmpty()) {
            idleSince = clock.millis();
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
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            LOG.error("Cannot serialise a live message", e);
            throw new IllegalStateException(e);
        }
    }
}
