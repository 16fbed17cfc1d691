package nl.spiegel.live;

import java.time.Instant;

import io.quarkus.websockets.next.WebSocketConnection;
import nl.spiegel.access.Access;
import nl.spiegel.meeting.Role;

/** One open connection to a room: who it is, and where it stands in the stream. */
final class Peer {

    final WebSocketConnection connection;
    final Access access;
    final RateLimiter limiter;
    /** Set by hello; from then on the peer receives every change. */
    volatile boolean live;
    volatile boolean helloSeen;
    volatile String language = "nl";
    volatile Instant lastSeen;

    Peer(WebSocketConnection connection, Access access, Instant now) {
        this.connection = connection;
        this.access = access;
        this.limiter = access.role() == Role.LISTENER ? RateLimiter.forListener(now) : RateLimiter.forModerator(now);
        this.lastSeen = now;
    }

    Role role() {
        return access.role();
    }

    /** Sends without waiting; a send to a closed connection is dropped, the peer is gone anyway. */
    void send(String text) {
        if (connection.isOpen()) {
            connection.sendText(text).subscribe().with(ok -> { }, failure -> { });
        }
    }
}
