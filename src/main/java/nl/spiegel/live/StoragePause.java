package nl.spiegel.live;

import java.time.Instant;
import java.util.Collection;

/**
 * Whether this node can store what its live peers do, as they were told. When the database goes
 * out of reach every live peer of every room on this node gets {@code storage} with {@code paused:
 * true}, and {@code paused: false} once it is back; a peer that says hello meanwhile gets the first
 * right after {@code ready} (docs/protocol.md). {@link Rooms} checks the outage on a timer: the log
 * filter that notices it runs inside the logging system, on whichever thread logged.
 */
final class StoragePause {

    /** How often the outage is checked: a tap made just after it began is refused anyway ({@code UNAVAILABLE}). */
    static final long CHECK_MILLIS = 500;
    private static final String RESUMED = "{\"type\":\"storage\",\"paused\":false}";

    private final Collection<Peer> peers;
    /** The frame that said storing is paused, while it is; {@code null} otherwise. Written under this. */
    private volatile String paused;

    StoragePause(Collection<Peer> peers) {
        this.peers = peers;
    }

    /**
     * Tells the live peers when the outage began ({@code since}) or ended ({@code null}); true when
     * storing just resumed. Under this lock, so that a peer that turns live meanwhile ({@link #live})
     * gets the frames in the order they were decided.
     */
    boolean check(Instant since) {
        if ((since != null) == (paused != null)) {
            return false;
        }
        synchronized (this) {
            if ((since != null) == (paused != null)) {
                return false;
            }
            paused = since == null ? null : "{\"type\":\"storage\",\"paused\":true,\"since\":\"" + since + "\"}";
            String frame = since == null ? RESUMED : paused;
            for (Peer peer : peers) {
                if (peer.live) {
                    peer.send(frame);
                }
            }
            return since == null;
        }
    }

    /** A peer that was sent {@code ready} receives every change from now on, and hears at once that storing is paused. */
    synchronized void live(Peer peer) {
        peer.live = true;
        if (paused != null) {
            peer.send(paused);
        }
    }
}
