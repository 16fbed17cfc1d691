package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.Access;
import nl.spiegel.support.RawFrame;

/**
 * A frame encoded once goes out whole on every connection it is written to, however often, and
 * never after the connection's close frame.
 */
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

    /**
     * A WebSocket closed by Vert.x itself, not through the peer (as at shutdown, or after a message
     * over the size limit), may still be among a room's peers until the client answers the close:
     * a change sent to it then must not follow the close frame, or a browser fails the connection.
     */
    @Test
    void noFrameFollowsTheCloseFrame() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> {
                HttpConnection transport = request.connection();
                request.toWebSocket().onSuccess(socket -> {
                    Peer peer = peer(socket, transport);
                    peer.send(Frame.of("{\"type\":\"change\",\"seq\":1}"));
                    socket.close((short) 1001);
                    peer.send(Frame.of("{\"type\":\"change\",\"seq\":2}"));
                });
            }).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            try (Socket client = RawFrame.reader(URI.create("http://127.0.0.1:" + server.actualPort()))) {
                List<String> after = RawFrame.textsAfterClose(client, Duration.ofSeconds(1));
                assertThat(after).as("text frames after the close frame").isEmpty();
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** A peer on a Vert.x WebSocket, as WebSockets Next hands one over. */
    private static Peer peer(ServerWebSocket socket, HttpConnection transport) {
        WebSocketConnection connection = (WebSocketConnection) Proxy.newProxyInstance(FrameTest.class.getClassLoader(),
                new Class<?>[] {WebSocketConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isClosed" -> socket.isClosed();
                    case "isOpen" -> !socket.isClosed();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Instant now = Instant.parse("2027-06-01T10:00:00Z");
        return new Peer(connection, transport, new Access(UUID.randomUUID(), Role.LISTENER, "L1", "hash"),
                TokenBucket.forListener(now), now, 0);
    }
}
