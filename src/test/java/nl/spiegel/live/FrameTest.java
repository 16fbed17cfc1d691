package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;

/** A frame encoded once goes out whole on every connection it is written to, however often. */
class FrameTest {

    /** What the server's WebSocket encoder puts on the wire for each write of {@code frame}. */
    private static byte[] wire(Frame frame) {
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
        channel.writeAndFlush(frame.message());
        ByteBuf out = Unpooled.buffer();
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            out.writeBytes(part);
            part.release();
        }
        channel.finishAndReleaseAll();
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    @Test
    void everyConnectionGetsTheWholeFrameAndItsTextStaysReadable() {
        // Long enough that the encoder hands on the payload itself rather than a copy of it.
        String text = "{\"type\":\"change\",\"note\":\"Wachttijd bij de balie: één uur, soms méér\"}".repeat(40);
        Frame frame = Frame.of(text);
        byte[] first = wire(frame);
        for (int connection = 0; connection < 3; connection++) {
            assertThat(wire(frame)).isEqualTo(first);
        }
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        assertThat(first).hasSize(payload.length + 4);
        assertThat(first[0]).as("final text frame").isEqualTo((byte) 0x81);
        assertThat(new String(first, 4, payload.length, StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(frame.text()).isEqualTo(text);
        assertThat(frame.chars).isEqualTo(text.length());
    }

    @Test
    void aShortFrameToo() {
        Frame frame = Frame.of("{\"type\":\"ready\"}");
        assertThat(wire(frame)).isEqualTo(wire(frame));
        assertThat(new String(wire(frame), 2, 16, StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"ready\"}");
    }
}
