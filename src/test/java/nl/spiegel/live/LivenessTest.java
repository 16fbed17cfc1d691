package nl.spiegel.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.spiegel.support.Api;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.LogLines;
import nl.spiegel.support.TestDatabase;

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
        Instant opened = Instant.now();
        try (Socket silent = new Socket(server.getHost(), server.getPort())) {
            silent.setSoTimeout(30_000);
            upgrade(silent, m.id(), listenerKey);
            List<Integer> opcodes = new ArrayList<>();
            int closeCode = readUntilClose(new DataInputStream(silent.getInputStream()), opcodes);
            Duration silentFor = Duration.between(opened, Instant.now());

            assertThat(closeCode).isEqualTo(1001);
            assertThat(opcodes).as("pings before the close").contains(0x9);
            assertThat(silentFor).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(20));
        }
        assertThat(answering.pings).as("pings the answering client had").isGreaterThanOrEqualTo(3);
        assertThat(answering.closeCode).isNull();
        assertThat(answering.command("ChangePhase", "to", "LOBBY").get("type").asText()).isEqualTo("ack");
        assertThat(closedForPings()).isEqualTo(closedBefore + 1);
        assertThat(pingedOnceSettled()).as("connections in a ping slot").isEqualTo(rooms.open()).isPositive();
        answering.close();
        assertThat(pingedOnceSettled()).as("a closed connection leaves its ping slot").isEqualTo(rooms.open());
    }

    /** Connections in a ping slot, once as many as are open (or after 10 s). */
    private int pingedOnceSettled() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (rooms.pinged() != rooms.open() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
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
                upgrade(phone, m.id(), Api.join(m.joinCode(), null).getString("key"));
                // A masked text frame (mask 0): hello, so that changes are on their way to it.
                byte[] hello = "{\"type\":\"hello\"}".getBytes(StandardCharsets.UTF_8);
                phone.getOutputStream().write(new byte[] {(byte) 0x81, (byte) (0x80 | hello.length), 0, 0, 0, 0});
                phone.getOutputStream().write(hello);
                Thread.sleep(300);
                // Its network goes: the TCP connection is reset, not closed.
                phone.setSoLinger(true, 0);
                phone.close();
                assertThat(moderator.command("SetHouseRules", "text", "Regel " + i).get("type").asText()).isEqualTo("ack");
            }
            Thread.sleep(1000);
            assertThat(live.lines).isEmpty();
            assertThat(websockets.lines).isEmpty();
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
        return given().get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("spiegel_live_closed_total{reason=\"ping\"}"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
