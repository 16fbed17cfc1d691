package nl.spiegel.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A plain WebSocket client of the live protocol, as a client author would write one from
 * docs/protocol.md: it keeps the view it was sent (snapshot, then changed sections) and checks
 * that changes arrive in order without gap or duplicate.
 */
public final class LiveClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** One HTTP client for all test connections: hundreds of clients share its threads. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final List<String> frames = new CopyOnWriteArrayList<>();
    public final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    public final List<String> problems = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private volatile ObjectNode view;
    private volatile long seq = -1;
    /** The connection's role, from its snapshot. */
    private volatile String role;
    public volatile boolean ready;
    public volatile Integer closeCode;
    public volatile int snapshots;
    /** Pings the server sent (the client answers each on its own). */
    public volatile int pings;

    /** The subprotocol the server chose in the handshake ("" for none). */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public static LiveClient connect(URI server, String meetingId, String key) {
        return connect(server, meetingId, builder -> builder.header("Authorization", "Bearer " + key));
    }

    /** As a browser connects: the key as a subprotocol, with an Origin. */
    public static LiveClient connectAsBrowser(URI server, String meetingId, String key, String origin) {
        return connect(server, meetingId, builder -> builder.subprotocols("spiegel.v1", "spiegel.key." + key)
                .header("Origin", origin));
    }

    public static LiveClient connect(URI server, String meetingId,
                                     UnaryOperator<WebSocket.Builder> options) {
        LiveClient client = new LiveClient();
        URI uri = URI.create(server.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/live/" + meetingId);
        client.socket = options.apply(HTTP.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))).buildAsync(uri, client).join();
        return client;
    }

    /** The HTTP status with which the server refused the upgrade. */
    public static int refusal(URI server, String meetingId, UnaryOperator<WebSocket.Builder> options) {
        try {
            connect(server, meetingId, options).close();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
            throw e;
        }
    }

    public LiveClient hello(Long lastSeq) {
        ready = false;
        ObjectNode hello = JSON.createObjectNode().put("type", "hello");
        if (lastSeq != null) {
            hello.put("lastSeq", lastSeq);
        }
        sendRaw(hello.toString());
        await("ready", () -> ready);
        return this;
    }

    /** Says hello without waiting for ready, to open many connections at once. */
    public LiveClient helloLater() {
        sendRaw("{\"type\":\"hello\"}");
        return this;
    }

    public void awaitReady() {
        await("ready", () -> ready);
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends a command and waits for its answer: {@code ack}, {@code rejected} or {@code error}. */
    public JsonNode commandWithId(String commandId, String type, Object... fields) {
        ObjectNode command = JSON.createObjectNode().put("type", type).put("commandId", commandId);
        for (int i = 0; i < fields.length; i += 2) {
            command.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
        }
        int from = messages.size();
        sendRaw(command.toString());
        return awaitMessage(from, m -> commandId.equals(m.path("commandId").asText())
                && List.of("ack", "rejected", "error").contains(m.path("type").asText()));
    }

    public JsonNode command(String type, Object... fields) {
        return commandWithId(UUID.randomUUID().toString(), type, fields);
    }

    /** The frame that says storing is paused ({@code true}) or resumed ({@code false}). */
    public static Predicate<JsonNode> storage(boolean paused) {
        return message -> message.path("type").asText().equals("storage") && message.path("paused").isBoolean()
                && message.path("paused").asBoolean() == paused;
    }

    public JsonNode awaitMessage(int from, Predicate<JsonNode> which) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10))
                .alias("a message after " + from)
                .until(() -> messages.stream().skip(from).filter(which).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    public void awaitSeq(long target) {
        await("seq " + target + " (at " + seq + ")", () -> seq >= target);
    }

    /** Waits until the view holds what {@code what} says: a group is sent only the events that change its view. */
    public void awaitView(String what, Predicate<JsonNode> condition) {
        await(what, () -> view != null && condition.test(view));
    }

    public void awaitClosed() {
        await("close", () -> closeCode != null);
    }

    public long seq() {
        return seq;
    }

    public ObjectNode view() {
        return view;
    }

    public int countOfType(String type) {
        return (int) messages.stream().filter(m -> type.equals(m.path("type").asText())).count();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            receive(text);
        }
        webSocket.request(1);
        return null;
    }

    private void receive(String text) {
        frames.add(text);
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add("not JSON: " + text);
            return;
        }
        switch (message.path("type").asText()) {
            case "snapshot" -> {
                role = message.path("role").asText();
                view = (ObjectNode) message.get("view").deepCopy();
                seq = message.get("seq").asLong();
                snapshots++;
            }
            case "change" -> {
                long next = message.get("seq").asLong();
                if (view == null) {
                    problems.add("a change before any snapshot at " + next);
                } else if (next <= seq || (everyEvent() && next != seq + 1)) {
                    problems.add("expected " + (everyEvent() ? "seq " + (seq + 1) : "a seq after " + seq) + ", got " + next);
                }
                if (view != null) {
                    apply(view, message);
                }
                seq = next;
            }
            case "ready" -> {
                if (message.get("seq").asLong() < seq && view != null) {
                    problems.add("ready at " + message.get("seq") + " while at " + seq);
                }
                ready = true;
            }
            default -> { }
        }
        messages.add(message);
    }

    /**
     * Applies a {@code change} to a view as docs/protocol.md says: the sections in {@code view} in
     * place of the old ones, then each list in {@code items} patched by id.
     */
    public static void apply(ObjectNode view, JsonNode change) {
        view.setAll((ObjectNode) change.get("view"));
        change.path("items").fields().forEachRemaining(section -> {
            JsonNode patch = section.getValue();
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            view.get(section.getKey()).forEach(item -> byId.put(item.get("id").asText(), item));
            patch.path("removed").forEach(id -> byId.remove(id.asText()));
            patch.path("put").forEach(item -> {
                JsonNode old = byId.get(item.get("id").asText());
                byId.put(item.get("id").asText(), old == null ? item : ((ObjectNode) old.deepCopy()).setAll((ObjectNode) item));
            });
            ArrayNode list = view.putArray(section.getKey());
            if (patch.has("order")) {
                patch.get("order").forEach(id -> list.add(byId.get(id.asText())));
            } else {
                byId.values().forEach(list::add);
            }
        });
    }

    /** The moderator and the assistant are sent every event; other roles only those that change their view. */
    private boolean everyEvent() {
        return "MODERATOR".equals(role) || "ASSISTANT".equals(role);
    }

    /** Makes a client that already has a view (from an earlier connection) resume from it. */
    public LiveClient resumeFrom(LiveClient earlier) {
        this.view = earlier.view == null ? null : earlier.view.deepCopy();
        this.seq = earlier.seq;
        this.role = earlier.role;
        return this;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pings++;
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (closeCode == null) {
            closeCode = 1006;
        }
    }

    @Override
    public void close() {
        if (closeCode == null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                .until(condition::getAsBoolean);
    }
}
