package nl.spiegel.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * WebSocket clients on a bare socket, for what the JDK's client cannot do: send one text message as
 * a single, unfragmented frame, as a browser does (the JDK splits large messages), or stop reading.
 * They tell how the server closed the connection: its close code, or -1 when the TCP connection just ended.
 */
public final class RawFrame {

    private RawFrame() {}

    public static int closeCodeAfter(URI server, String meetingId, String key, String text) throws IOException {
        try (Socket socket = open(server, meetingId, key, 0)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(frame(text.getBytes(StandardCharsets.UTF_8), new SecureRandom()));
            socket.getOutputStream().flush();
            return readUntilClosed(new DataInputStream(socket.getInputStream()), new long[1]);
        }
    }

    /**
     * A client that says hello and then stops reading, with a small receive buffer, as a hostile
     * listener (or a phone that froze) would.
     */
    public static Socket pausedReader(URI server, String meetingId, String key) throws IOException {
        Socket socket = open(server, meetingId, key, 4096);
        socket.getOutputStream().write(frame("{\"type\":\"hello\"}".getBytes(StandardCharsets.UTF_8), new SecureRandom()));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Reads what is left; the close code, or -1 when the TCP connection just ended. {@code read[0]} counts the bytes. */
    public static int readUntilClosed(Socket socket, long[] read) throws IOException {
        socket.setSoTimeout(20_000);
        return readUntilClosed(new DataInputStream(socket.getInputStream()), read);
    }

    private static int readUntilClosed(DataInputStream in, long[] read) throws IOException {
        while (true) {
            Received frame;
            try {
                frame = next(in);
            } catch (java.net.SocketException reset) {
                return -1;
            }
            if (frame == null) {
                return -1;
            }
            read[0] += frame.payload().length;
            if (!frame.whole()) {
                return -1;
            }
            if (frame.opcode() == 8) {
                byte[] payload = frame.payload();
                return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
            }
        }
    }

    /** A frame as received: {@code whole} unless the connection ended within it. */
    private record Received(int opcode, byte[] payload, boolean whole) {}

    /** The next frame, or {@code null} when the connection ended. */
    private static Received next(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int length = in.readUnsignedByte() & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = (int) in.readLong();
        }
        byte[] payload = in.readNBytes(length);
        return new Received(first & 0x0f, payload, payload.length == length);
    }

    /** A connection to any WebSocket server at {@code server}, for a server that speaks first. */
    public static Socket reader(URI server) throws IOException {
        return open(server, "any", "none", 0);
    }

    /**
     * The text frames that came after the server's close frame: read until the server ends the TCP
     * connection or stays silent for {@code quiet}. This client never answers the close frame, so a
     * server that goes on writing after it is seen doing so.
     */
    public static List<String> textsAfterClose(Socket socket, Duration quiet) throws IOException {
        socket.setSoTimeout(10_000);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        List<String> after = new ArrayList<>();
        boolean closed = false;
        while (true) {
            Received frame;
            try {
                frame = next(in);
            } catch (SocketTimeoutException silent) {
                if (!closed) {
                    throw silent;
                }
                return after;
            }
            if (frame == null) {
                return after;
            }
            if (closed && frame.opcode() == 1) {
                after.add(new String(frame.payload(), StandardCharsets.UTF_8));
            }
            if (frame.opcode() == 8) {
                closed = true;
                socket.setSoTimeout((int) quiet.toMillis());
            }
        }
    }

    private static Socket open(URI server, String meetingId, String key, int receiveBuffer) throws IOException {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress(server.getHost(), server.getPort()));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /live/" + meetingId + " HTTP/1.1\r\nHost: " + server.getHost() + ":" + server.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\nAuthorization: Bearer " + key + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        skipHeaders(socket.getInputStream());
        return socket;
    }

    private static void skipHeaders(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("no upgrade");
            }
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : 0;
        }
    }

    private static byte[] frame(byte[] payload, SecureRandom random) {
        int header = payload.length < 126 ? 2 : payload.length < 65_536 ? 4 : 10;
        byte[] frame = new byte[header + 4 + payload.length];
        frame[0] = (byte) 0x81;
        if (header == 2) {
            frame[1] = (byte) (0x80 | payload.length);
        } else if (header == 4) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (payload.length >> 8);
            frame[3] = (byte) payload.length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) payload.length >> (56 - 8 * i));
            }
        }
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        System.arraycopy(mask, 0, frame, header, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[header + 4 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }
}
