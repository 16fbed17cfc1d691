package nl.spiegel.live;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.MeetingCore;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.store.EventStore;
import nl.spiegel.store.Outcome;

/**
 * The live protocol, message by message (see docs/protocol.md). A client first says
 * {@code hello}; every other message is a command named by its {@code type}, with a client-made
 * {@code commandId}, answered with {@code ack} or {@code rejected}. A message the server cannot
 * take is answered with {@code error} naming it; the connection stays up unless the peer floods.
 */
@ApplicationScoped
public class Protocol {

    private static final Logger LOG = Logger.getLogger(Protocol.class);
    public static final int CLOSE_REVOKED = 4401;
    public static final int CLOSE_FLOOD = 1008;
    private static final Pattern COMMAND_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** Commands a client may send by name; a meeting is created over REST only. */
    static final Map<String, Class<? extends Command>> COMMANDS = Command.types().stream()
            .filter(c -> c != Command.CreateMeeting.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    @Inject
    Rooms rooms;

    @Inject
    EventStore store;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    Uni<Void> receive(Peer peer, String text) {
        peer.lastSeen = clock.instant();
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            return error(peer, "BAD_JSON", null, null, null, "The message is not valid JSON.", "Het bericht is geen geldige JSON.");
        }
        if (node == null || !node.isObject() || !node.path("type").isTextual()) {
            return error(peer, "MISSING_FIELD", null, null, "type", "A message needs a 'type'.", "Een bericht heeft een 'type' nodig.");
        }
        String type = node.get("type").asText();
        if (type.equals("hello")) {
            return hello(peer, node);
        }
        String commandId = node.path("commandId").isTextual() ? node.get("commandId").asText() : null;
        if (!peer.helloSeen) {
            return error(peer, "HELLO_FIRST", type, commandId, null, "Say hello first.", "Stuur eerst hello.");
        }
        Class<? extends Command> commandType = COMMANDS.get(type);
        if (commandType == null) {
            return error(peer, "UNKNOWN_TYPE", type, commandId, "type", "There is no command '" + type + "'.",
                    "Er is geen opdracht '" + type + "'.");
        }
        if (commandId == null || !COMMAND_ID.matcher(commandId).matches()) {
            return error(peer, "MISSING_FIELD", type, null, "commandId",
                    "A command needs a 'commandId' of 1 to 100 letters, digits or . _ : -",
                    "Een opdracht heeft een 'commandId' nodig van 1 tot 100 letters, cijfers of . _ : -");
        }
        if (!peer.limiter.tryAcquire(clock.instant())) {
            if (peer.limiter.flooding()) {
                LOG.infof("Closing a %s connection that kept flooding", peer.role());
                return peer.connection.close(new CloseReason(CLOSE_FLOOD, "too many messages"));
            }
            return error(peer, "RATE_LIMITED", type, commandId, null, "Too many messages; wait a moment and send again.",
                    "Te veel berichten; wacht even en stuur opnieuw.");
        }
        if (!MeetingCore.allowed(peer.role(), commandType)) {
            // Refused by the core's own rule, without a transaction for a command that cannot apply.
            Rejection forbidden = Rejection.Reason.FORBIDDEN.rejection();
            peer.send(write(json.createObjectNode().put("type", "rejected").put("commandId", commandId)
                    .put("code", forbidden.code()).put("message", forbidden.message(peer.language))));
            return Uni.createFrom().voidItem();
        }
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        fields.remove("type");
        fields.remove("commandId");
        Command command;
        try {
            command = json.treeToValue(fields, commandType);
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                    ? mapping.getPath().getFirst().getFieldName() : null;
            return error(peer, "INVALID", type, commandId, field, "'" + field + "' has a value of the wrong kind.",
                    "'" + field + "' heeft een waarde van de verkeerde soort.");
        }
        UUID meetingId = peer.access.meetingId();
        return store.execute(meetingId, peer.access.actor(), commandId, command)
                .chain(outcome -> switch (outcome) {
                    case Outcome.Applied applied -> rooms.advance(meetingId, applied.seq())
                            .invoke(() -> peer.send(write(json.createObjectNode().put("type", "ack")
                                    .put("commandId", commandId).put("seq", applied.seq()))));
                    case Outcome.Rejected rejected -> {
                        Rejection r = rejected.rejection();
                        ObjectNode message = json.createObjectNode().put("type", "rejected").put("commandId", commandId)
                                .put("code", r.code()).put("message", r.message(peer.language));
                        if (r.field() != null) {
                            message.put("field", r.field());
                        }
                        peer.send(write(message));
                        yield Uni.createFrom().voidItem();
                    }
                })
                .onFailure().recoverWithUni(failure -> {
                    LOG.warn("A live command could not be stored", failure);
                    return error(peer, "UNAVAILABLE", type, commandId, null,
                            "Not stored. Send it again with the same commandId.",
                            "Niet opgeslagen. Stuur het opnieuw met dezelfde commandId.");
                });
    }

    private Uni<Void> hello(Peer peer, JsonNode node) {
        if (peer.helloSeen) {
            return error(peer, "ALREADY_SUBSCRIBED", "hello", null, null, "This connection said hello already.",
                    "Deze verbinding stuurde al hello.");
        }
        JsonNode last = node.path("lastSeq");
        if (!last.isMissingNode() && !last.isNull() && !last.canConvertToLong()) {
            return error(peer, "INVALID", "hello", null, "lastSeq", "'lastSeq' must be a whole number.",
                    "'lastSeq' moet een heel getal zijn.");
        }
        if ("en".equals(node.path("language").asText())) {
            peer.language = "en";
        }
        peer.helloSeen = true;
        Long lastSeq = last.isMissingNode() || last.isNull() ? null : last.asLong();
        return rooms.room(peer.access.meetingId()).hello(peer, lastSeq);
    }

    private Uni<Void> error(Peer peer, String code, String about, String commandId, String field, String en, String nl) {
        ObjectNode message = json.createObjectNode().put("type", "error").put("code", code)
                .put("message", "en".equals(peer.language) ? en : nl);
        if (about != null) {
            message.put("about", about);
        }
        if (commandId != null) {
            message.put("commandId", commandId);
        }
        if (field != null) {
            message.put("field", field);
        }
        peer.send(write(message));
        return Uni.createFrom().voidItem();
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
