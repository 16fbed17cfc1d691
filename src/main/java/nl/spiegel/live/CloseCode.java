package nl.spiegel.live;

import io.quarkus.websockets.next.CloseReason;

/** Why the server closes a live connection; each code is documented in docs/asyncapi.yaml. */
public enum CloseCode {
    /** The server is going away (shutting down), or the peer stopped answering pings: reconnect and resume. */
    GOING_AWAY(1001, "going away"),
    /** The peer kept sending more than the rate limit allows. */
    FLOOD(1008, "too many messages"),
    /** A message over the size limit. */
    TOO_BIG(1009, "message too big"),
    /** Something failed on the server; the peer may reconnect and resume. */
    SERVER_ERROR(1011, "server error"),
    /** The key was revoked (a rotated link, or a listener the moderator removed): reconnecting with it will not work. */
    REVOKED(4401, "key revoked"),
    /**
     * The peer did not read what it was sent: more than 1 MiB waited for it. Reconnect and resume
     * from the last seq (or a snapshot).
     */
    TOO_SLOW(4408, "too slow; reconnect and resume"),
    /**
     * The key was opened in another window or device once too many (3 at once for a listener's key,
     * 20 for a shared key); this, the oldest connection, was closed. Do not reconnect by itself.
     */
    TOO_MANY_CONNECTIONS(4429, "too many connections with this key");

    public final int code;
    private final String reason;

    CloseCode(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    CloseReason reason() {
        return new CloseReason(code, reason);
    }

    CloseReason reason(String why) {
        return new CloseReason(code, why);
    }
}
