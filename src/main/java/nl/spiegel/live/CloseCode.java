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
    /** The key was revoked (a rotated link): reconnecting with it will not work. */
    REVOKED(4401, "key revoked");

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
