package nl.spiegel.live;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.HttpConnection;
import nl.spiegel.access.Access;
import nl.spiegel.web.TokenBucket;
import nl.spiegel.meeting.Role;

/**
 * One open connection to a room: who it is, where it stands in the stream, and what is queued for
 * it. The queue is bounded: a peer that does not read what it is sent is closed, not waited for.
 */
final class Peer {

    /** Characters queued for a peer that has not read them yet; past this it is closed as too slow. */
    static final long MAX_QUEUED = 1024 * 1024;
    static final Duration GRACE = Duration.ofSeconds(2);

    final WebSocketConnection connection;
    /** The TCP connection under the WebSocket, to drop a peer without waiting behind its queue. */
    private final HttpConnection transport;
    final Access access;
    final TokenBucket limiter;
    /** Set by hello; from then on the peer receives every change. */
    volatile boolean live;
    volatile boolean helloSeen;
    volatile String language = "nl";
    volatile Instant lastSeen;
    private final AtomicLong queued = new AtomicLong();
    /** Why the server closed this connection, for the metric of closes; {@code null} when it did not. */
    volatile String closedBecause;
    private final AtomicBoolean closing = new AtomicBoolean();

    Peer(WebSocketConnection connection, HttpConnection transport, Access access, TokenBucket limiter, Instant now) {
        this.connection = connection;
        this.transport = transport;
        this.access = access;
        this.limiter = limiter;
        this.lastSeen = now;
    }

    Role role() {
        return access.role();
    }

    long queued() {
        return queued.get();
    }

    /**
     * Sends without waiting. A send to a closed connection is dropped, the peer is gone anyway; a
     * send that would queue more than {@link #MAX_QUEUED} closes the peer as too slow instead.
     */
    void send(String text) {
        if (closing.get() || !connection.isOpen()) {
            return;
        }
        long size = text.length();
        if (queued.addAndGet(size) > MAX_QUEUED) {
            queued.addAndGet(-size);
            drop(CloseCode.TOO_SLOW);
            return;
        }
        connection.sendText(text).subscribe().with(ok -> queued.addAndGet(-size), failure -> queued.addAndGet(-size));
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
        if (!closing.compareAndSet(false, true)) {
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
        if (closing.compareAndSet(false, true)) {
            closedBecause = code.name();
            live = false;
            connection.close(code.reason(why)).subscribe().with(ok -> { }, failure -> { });
        }
    }
}
