package nl.spiegel.live;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.jboss.logging.Logger;

import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import nl.spiegel.store.Access;
import nl.spiegel.meeting.Role;

/**
 * One open connection to a room: who it is, where it stands in the stream, and what is queued for
 * it. The queue is bounded: a peer that does not read what it is sent is closed, not waited for.
 */
final class Peer {

    private static final Logger LOG = Logger.getLogger(Peer.class);

    /** Characters queued for a peer that has not read them yet; past this it is closed as too slow. */
    static final long MAX_QUEUED = 1024 * 1024;
    static final Duration GRACE = Duration.ofSeconds(2);
    /**
     * Characters of messages received while an earlier one is still handled (a command waits for the
     * database), and how many; past either the peer floods and is closed. A client that sends its taps
     * made offline all at once stays far below them.
     */
    static final long MAX_WAITING = 256 * 1024;
    static final int MAX_WAITING_MESSAGES = 256;
    /**
     * Messages that may wait behind the one handled; the next is refused as too busy. A meeting takes
     * some 14 commands a second at the bench machine's capacity, so a connection that sends faster
     * than its meeting is answered waits at most about a second, and is told to slow down.
     */
    static final int MAX_BEHIND = 16;

    final WebSocketConnection connection;
    /** The TCP connection under the WebSocket, to drop a peer without waiting behind its queue. */
    private final HttpConnection transport;
    final Access access;
    /** The access's role, kept here: the fan-out asks it of every peer, and this object is read anyway. */
    private final Role role;
    final TokenBucket limiter;
    /** Set by hello; from then on the peer receives every change. */
    volatile boolean live;
    volatile boolean helloSeen;
    volatile String language = "nl";
    /**
     * A command refused as too busy, and until when the connection's later commands wait for it:
     * sent again, it goes first, so that the meeting gets them in the order they were sent.
     */
    private String refusedBusy;
    private long refusedBusyUntil;
    /** Waiting messages that came before the refused one, and whether the one handled now is one of them. */
    private int exemptAhead;
    private boolean handlingAhead;
    /** Long enough for a client to send the refused command again (the app does after a second). */
    static final long BUSY_ORDER_MILLIS = 5_000;
    /** When the peer last sent anything, a pong included (epoch milliseconds). */
    volatile long lastSeen;
    /** Which of the rooms' ping slots this peer is pinged in. */
    final int pingSlot;
    /**
     * Held in this object, not in atomics of their own: a change to a town hall reads them for each
     * of 10 000 peers, and every other object a send touches is one more miss of the processor's cache.
     */
    private volatile long queued;
    /** Why the server closed this connection, for the metric of closes; {@code null} when it did not. */
    volatile String closedBecause;
    private volatile boolean closing;
    private static final VarHandle QUEUED;
    private static final VarHandle CLOSING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            QUEUED = lookup.findVarHandle(Peer.class, "queued", long.class);
            CLOSING = lookup.findVarHandle(Peer.class, "closing", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    /** Received and not handled yet; made only while a message is being handled. Guarded by this. */
    private ArrayDeque<String> waiting;
    private long waitingChars;
    /** Messages received since the one handled began, refused ones included. */
    private int arrivedMeanwhile;
    private boolean handling;

    Peer(WebSocketConnection connection, HttpConnection transport, Access access, TokenBucket limiter, Instant now, int pingSlot) {
        this.connection = connection;
        this.transport = transport;
        this.access = access;
        this.role = access.role();
        this.limiter = limiter;
        this.lastSeen = now.toEpochMilli();
        this.pingSlot = pingSlot;
    }

    /** Every WebSocket client answers a ping on its own; a failed one means the connection is closing anyway. */
    void ping() {
        connection.sendPing(Buffer.buffer()).subscribe().with(ok -> { }, failure -> { });
    }

    Role role() {
        return role;
    }

    /**
     * A command of this connection was refused as too busy: later ones are refused until it comes
     * again. {@code ahead}: messages waiting that came before it (it was refused on arrival), which
     * are handled as usual.
     */
    synchronized void refusedAsBusy(String commandId, long now, int ahead) {
        if (commandId != null && refusedBusy == null) {
            refusedBusy = commandId;
            refusedBusyUntil = now + BUSY_ORDER_MILLIS;
            exemptAhead = ahead;
        }
    }

    /** Whether this command came after one refused as too busy that was not sent again yet. */
    synchronized boolean behindRefused(String commandId, long now) {
        if (refusedBusy == null) {
            return false;
        }
        if (refusedBusy.equals(commandId) || now > refusedBusyUntil) {
            refusedBusy = null;
            exemptAhead = 0;
            return false;
        }
        return !handlingAhead;
    }

    long queued() {
        return queued;
    }

    /**
     * Answers at once a message that is not handled: {@code ahead} of the connection's messages wait
     * before it; {@code excess} when the connection sent more than may wait, not the node being busy.
     */
    @FunctionalInterface
    interface Refusal {
        void refuse(Peer peer, String text, int ahead, boolean excess);
    }

    /**
     * Handles the peer's messages one after another, in the order they came: a command is stored
     * before the next is decided. Done here rather than by the WebSocket layer, whose per-connection
     * queue cost about 1 KB for every open connection, also idle ones. {@code whenBusy} answers at
     * once a message that would wait while the node takes on no more from this peer ({@code nodeBusy},
     * {@link Rooms#busy}) or behind {@link #MAX_BEHIND} others: under overload a long queue behind a
     * connection only makes its answers later.
     */
    void receive(String text, BiFunction<Peer, String, Uni<Void>> handler, Refusal whenBusy, boolean nodeBusy) {
        if (closing) {
            // Closed as flooding (or for another reason): what still arrives is neither kept nor logged.
            return;
        }
        boolean flooding = false;
        boolean busy = false;
        int ahead = 0;
        synchronized (this) {
            if (!handling) {
                handling = true;
                handlingAhead = false;
            } else if (waitingChars + text.length() > MAX_WAITING || ++arrivedMeanwhile > MAX_WAITING_MESSAGES) {
                flooding = true;
            } else if (nodeBusy || (waiting != null && waiting.size() >= MAX_BEHIND)) {
                busy = true;
                ahead = waiting == null ? 0 : waiting.size();
            } else {
                if (waiting == null) {
                    waiting = new ArrayDeque<>();
                }
                waiting.add(text);
                waitingChars += text.length();
                return;
            }
        }
        if (flooding) {
            LOG.infof("Closing a %s connection that sent more than it waited for", role());
            drop(CloseCode.FLOOD);
            return;
        }
        if (busy) {
            whenBusy.refuse(this, text, ahead, !nodeBusy);
            return;
        }
        handle(text, handler);
    }

    /** Handles {@code first} and what waits after it; a loop, not a recursion, for messages answered at once. */
    private void handle(String first, BiFunction<Peer, String, Uni<Void>> handler) {
        String text = first;
        while (text != null) {
            Uni<Void> handled;
            try {
                handled = handler.apply(this, text);
            } catch (RuntimeException e) {
                handled = Uni.createFrom().failure(e);
            }
            // 1: done while subscribing, so this loop goes on; 2: this loop returned, so the completion goes on.
            AtomicInteger step = new AtomicInteger();
            handled.subscribe().with(ok -> handled(step, handler), failure -> {
                // As the WebSocket layer would: ours, not the peer's (1011); never the message, which may hold what someone said.
                LOG.errorf("Live message failed: %s", failure.getClass().getName());
                drop(CloseCode.SERVER_ERROR);
                handled(step, handler);
            });
            if (step.compareAndSet(0, 2)) {
                return;
            }
            text = nextWaiting();
        }
    }

    private void handled(AtomicInteger step, BiFunction<Peer, String, Uni<Void>> handler) {
        if (!step.compareAndSet(0, 1)) {
            handle(nextWaiting(), handler);
        }
    }

    /**
     * The next message to handle, or {@code null} when none waits (then the next one received is
     * handled at once) or the peer is being closed (what waited is let go).
     */
    private synchronized String nextWaiting() {
        arrivedMeanwhile = 0;
        String next = waiting == null || closing ? null : waiting.poll();
        if (next == null) {
            waiting = null;
            waitingChars = 0;
            handling = false;
        } else {
            waitingChars -= next.length();
            handlingAhead = exemptAhead > 0;
            if (handlingAhead) {
                exemptAhead--;
            }
        }
        return next;
    }

    /**
     * Sends without waiting. A send to a closed connection is dropped, the peer is gone anyway; a
     * send that would queue more than {@link #MAX_QUEUED} closes the peer as too slow instead.
     */
    void send(String text) {
        long size = text.length();
        if (connection.isOpen() && admitted(size)) {
            connection.sendText(text).subscribe().with(ok -> sent(size), failure -> sent(size));
        }
    }

    /**
     * As {@link #send(String)}, a frame encoded once for many peers. It is written where WebSockets
     * Next writes its own messages, the connection's ordered write path, which takes a message from
     * any thread (docs/decisions/0046). As Vert.x does for its own frames, under the connection's
     * lock: nothing may follow the close frame, which Vert.x sends under that lock once it marked
     * the WebSocket closed (a browser fails a connection that gets data after it).
     */
    void send(Frame frame) {
        if (!(transport instanceof ConnectionBase base)) {
            send(frame.text());
            return;
        }
        long size = frame.chars;
        synchronized (base) {
            if (!connection.isClosed() && admitted(size)) {
                base.writeToChannel(frame.message(), written -> sent(size));
            }
        }
    }

    /** Whether {@code size} more may be queued for this peer; when not, the peer is closed as too slow. */
    private boolean admitted(long size) {
        if (closing) {
            return false;
        }
        if ((long) QUEUED.getAndAdd(this, size) + size > MAX_QUEUED) {
            sent(size);
            drop(CloseCode.TOO_SLOW);
            return false;
        }
        return true;
    }

    /** Takes {@code size} off what is queued: it was written out, or it never will be. */
    private void sent(long size) {
        QUEUED.getAndAdd(this, -size);
    }

    /**
     * Closes with a code that tells the client what to do; when the close frame has not gone out
     * within {@link #GRACE} (it waits behind everything queued for a peer that does not read), the
     * TCP connection is dropped and what was queued with it.
     */
    void drop(CloseCode code) {
        drop(code, code.name());
    }

    /** As {@link #drop(CloseCode)}, counted as {@code because} (a peer silent to pings closes as going away). */
    void drop(CloseCode code, String because) {
        if (!CLOSING.compareAndSet(this, false, true)) {
            return;
        }
        closedBecause = because;
        live = false;
        connection.close(code.reason()).ifNoItem().after(GRACE).recoverWithItem(() -> {
            if (transport != null) {
                transport.close();
            }
            return null;
        }).subscribe().with(ok -> { }, failure -> { });
    }

    /** Closes after what is queued: the peer reads, and should learn why. */
    void close(CloseCode code, String why) {
        if (CLOSING.compareAndSet(this, false, true)) {
            closedBecause = code.name();
            live = false;
            connection.close(code.reason(why)).subscribe().with(ok -> { }, failure -> { });
        }
    }
}
