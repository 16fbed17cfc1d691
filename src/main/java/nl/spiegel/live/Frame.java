package nl.spiegel.live;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * A change as it goes on the wire, encoded once for every connection it is sent to: a meeting's
 * change goes to up to 10 000 listeners, and encoding it again for each was a fifth of the event
 * loop's time (docs/decisions/0046). Its bytes are never written to, and never released: each
 * write reads them through a view of its own, and the garbage collector frees them. Their buffer is
 * exactly as large as they are, so no handler on the way (TLS gathers small writes into the first
 * buffer that has room) can add to it.
 */
final class Frame {

    private final ByteBuf bytes;
    /** Its length as text, which is what a peer's queue and a history's budget count. */
    final int chars;

    private Frame(ByteBuf bytes, int chars) {
        this.bytes = bytes;
        this.chars = chars;
    }

    static Frame of(String text) {
        return new Frame(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8))),
                text.length());
    }

    /** A WebSocket text frame over these bytes, for one write. */
    TextWebSocketFrame message() {
        return new TextWebSocketFrame(true, 0, bytes.duplicate());
    }

    /** The text, for a connection that is written to by WebSockets Next itself. */
    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
