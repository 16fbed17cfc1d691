package nl.spiegel.live;

import static nl.spiegel.support.Management.management;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.LogLines;
import nl.spiegel.support.TestDatabase;
import nl.spiegel.store.Secrets;

/**
 * The server pings every live connection ({@code spiegel.live-ping}, 2 s in tests) and closes one
 * that answers none for three and a half times that, as going away (1001); one that answers stays.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class LivenessTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    Rooms rooms;

    @Test
    void aConnectionThatAnswersNoPingIsClosedAndOneThatAnswersStays() throws Exception {
        Api.Created m = Api.createMeeting("Stilte", 2, 3);
        String listenerKey = Api.join(m.joinCode(), null).getString("key");
        LiveClient answering = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        double closedBefore = closedForPings();
        try (Socket silent = new Socket(server.getHost(), server.getPort())) {
            silent.setSoTimeout(30_000);
            upgrade(silent, m.id(), listenerKey);
            List<Integer> opcodes = new ArrayList<>();
            int closeCode = readUntilClose(new DataInputStream(silent.getInputStream()), opcodes);

            assertThat(closeCode).isEqualTo(1001);
            // Closed after three and a half intervals without an answer: after three pings, not before.
            assertThat(opcodes.stream().filter(op -> op == 0x9).count()).as("pings before the close").isGreaterThanOrEqualTo(3);
        }
        assertThat(answering.pings).as("pings the answering client had").isGreaterThanOrEqualTo(3);
        assertThat(answering.closeCode).isNull();
        assertThat(answering.command("ChangePhase", "to", "LOBBY").get("type").asText()).isEqualTo("ack");
        assertThat(closedForPings()).isEqualTo(closedBefore + 1);
        assertThat(pingedOnceSettled()).as("connections in a ping slot").isEqualTo(rooms.open()).isPositive();
        answering.close();
        assertThat(pingedOnceSettled()).as("a closed connection leaves its ping slot").isEqualTo(rooms.open());
    }

    /** Connections in a ping slot, once as many as are open. */
    private int pingedOnceSettled() {
        Awaitility.await("every open connection in a ping slot").atMost(Duration.ofSeconds(10))
                .until(() -> rooms.pinged() == rooms.open());
        return rooms.pinged();
    }

    @Test
    void aConnectionThatBreaksIsNoErrorOfTheServer() throws Exception {
        Api.Created m = Api.createMeeting("Weg", 2, 3);
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        try (LogLines live = LogLines.warningsOf("nl.spiegel.live");
             LogLines websockets = LogLines.warningsOf("io.quarkus.websockets.next")) {
            for (int i = 0; i < 3; i++) {
                Socket phone = new Socket(server.getHost(), server.getPort());
                String key = Api.join(m.joinCode(), null).getString("key");
                upgrade(phone, m.id(), key);
                // A masked text frame (mask 0): hello, so that changes are on their way to it.
                byte[] hello = "{\"type\":\"hello\"}".getBytes(StandardCharsets.UTF_8);
                phone.getOutputStream().write(new byte[] {(byte) 0x81, (byte) (0x80 | hello.length), 0, 0, 0, 0});
                phone.getOutputStream().write(hello);
                String phoneKey = Secrets.hash(key);
                Awaitility.await("the phone in the room").atMost(Duration.ofSeconds(10))
                        .until(() -> rooms.openKeys(UUID.fromString(m.id())).contains(phoneKey));
                // Its network goes: the TCP connection is reset, not closed.
                phone.setSoLinger(true, 0);
                phone.close();
                assertThat(moderator.command("SetHouseRules", "text", "Regel " + i).get("type").asText()).isEqualTo("ack");
            }
            // A warning would be logged within moments of a reset; for a second, none may come.
            Awaitility.await("no warning").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                    .until(() -> live.lines.isEmpty() && websockets.lines.isEmpty());
        }
        moderator.close();
    }

    private void upgrade(Socket socket, String meetingId, String key) throws IOException {
        String request = "GET /live/" + meetingId + " HTTP/1.1\r\nHost: " + server.getHost() + ":" + server.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString("stille-luisteraar".getBytes(StandardCharsets.US_ASCII))
                + "\r\nAuthorization: Bearer " + key + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the server's answer to the upgrade ended early").isNotNegative();
            head.write(b);
        }
        assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
    }

    /** Reads the server's frames (never answering) until its close frame, whose code it returns. */
    private static int readUntilClose(DataInputStream in, List<Integer> opcodes) throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0F;
            long length = in.readUnsignedByte() & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = in.readNBytes((int) length);
            opcodes.add(opcode);
            if (opcode == 0x8) {
                return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
            }
        }
    }

    private static double closedForPings() {
        return management().get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("spiegel_live_closed_total{reason=\"ping\"}"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
