package nl.spiegel.live;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.quarkus.websockets.next.InboundProcessingMode;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.inject.Inject;
import nl.spiegel.store.Access;

/** The live connection to one meeting: {@code /live/{meetingId}}, opened with a key (checked at the upgrade by {@code nl.spiegel.access.LiveUpgradeCheck}, which hands over the {@link #ACCESS} it found). */
@WebSocket(path = "/live/{meetingId}", endpointId = LiveEndpoint.ID, inboundProcessingMode = InboundProcessingMode.CONCURRENT)
public class LiveEndpoint {

    public static final String ID = "spiegel-live";
    private static final Logger LOG = Logger.getLogger(LiveEndpoint.class);
    public static final UserData.TypedKey<Access> ACCESS = new UserData.TypedKey<>("spiegel.access");
    public static final UserData.TypedKey<HttpConnection> TRANSPORT = new UserData.TypedKey<>("spiegel.transport");
    public static final UserData.TypedKey<MultiMap> UPGRADE_HEADERS = new UserData.TypedKey<>("spiegel.upgrade-headers");

    @Inject
    Rooms rooms;

    @Inject
    Protocol protocol;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    /**
     * On the connection's event loop, as are the other callbacks (they do no blocking work): the
     * peer is there before its first message is handled, and a connection costs no worker thread.
     */
    @OnOpen
    @NonBlocking
    void open(WebSocketConnection connection) {
        UserData handedOver = connection.userData();
        Access access = handedOver.remove(ACCESS);
        HttpConnection transport = handedOver.remove(TRANSPORT);
        rooms.open(connection, transport, access);
        withoutIdleTimeout(transport);
        // The WebSocket keeps its upgrade request's headers (with the key) for its life; the
        // handshake is done and WebSockets Next has its own copy: about 1 KB per open connection.
        handedOver.remove(UPGRADE_HEADERS).clear();
        // Who and where, never the key or anything said.
        LOG.infof("live open %s meeting=%s connection=%s", access.role(), access.meetingId(), connection.id());
    }

    /**
     * The HTTP idle timeout (Netty's idle-state handler and its scheduled task, kept for every open
     * connection) never fires on a live connection: the server pings it ({@code spiegel.live-ping}),
     * and the rooms' sweep closes one that stops answering.
     */
    private static void withoutIdleTimeout(HttpConnection transport) {
        if (transport instanceof ConnectionBase base) {
            ChannelPipeline pipeline = base.channel().pipeline();
            if (pipeline.get(IdleStateHandler.class) != null) {
                pipeline.remove(IdleStateHandler.class);
            }
        }
    }

    /** Messages are handled in order by {@link Peer#receive}: the endpoint's own serial queue would cost every connection. */
    @OnTextMessage
    @NonBlocking
    void message(String text, WebSocketConnection connection) {
        Peer peer = rooms.peer(connection);
        if (peer != null) {
            peer.receive(text, protocol::receive, protocol::busy, rooms.busy(peer));
        }
    }

    @OnPongMessage
    @NonBlocking
    void pong(Buffer data, WebSocketConnection connection) {
        Peer peer = rooms.peer(connection);
        if (peer != null) {
            peer.lastSeen = clock.millis();
        }
    }

    /**
     * A message over the size limit is the peer's fault (1009); anything else is ours (1011). The
     * failure is logged without the message, which may hold what someone said.
     */
    @OnError
    Uni<Void> failure(Throwable failure, WebSocketConnection connection) {
        String text = String.valueOf(failure.getMessage());
        if (text.contains("max message size") || text.contains("max frame size")) {
            return connection.close(CloseCode.TOO_BIG.reason());
        }
        if (connection.isClosed() || failure instanceof HttpClosedException || failure instanceof IOException) {
            // The client left, or its network went (a reset, a broken pipe), maybe while something was
            // on its way to it: a phone does that all day. No fault, and no one to tell.
            return Uni.createFrom().voidItem();
        }
        LOG.errorf("Live connection failed: %s", failure.getClass().getName());
        return connection.close(CloseCode.SERVER_ERROR.reason());
    }

    @OnClose
    @NonBlocking
    void close(WebSocketConnection connection) {
        Peer peer = rooms.peer(connection);
        rooms.close(connection);
        String reason = peer != null && peer.closedBecause != null ? peer.closedBecause.toLowerCase(Locale.ROOT)
                : reason(connection.closeReason() == null ? 1006 : connection.closeReason().getCode());
        registry.counter("spiegel.live.closed", "reason", reason).increment();
        LOG.infof("live close %s connection=%s", reason, connection.id());
    }

    /** A close code as a metric tag: Spiegel's own by name, a few standard ones, anything else as other. */
    static String reason(int code) {
        for (CloseCode known : CloseCode.values()) {
            if (known.code == code) {
                return known.name().toLowerCase(Locale.ROOT);
            }
        }
        return switch (code) {
            case 1000 -> "normal";
            case 1006 -> "abnormal";
            default -> "other";
        };
    }
}
