package nl.spiegel.live;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.MeetingCore;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.store.DatabaseOutage;
import nl.spiegel.store.Outcome;
import nl.spiegel.store.Sender;
import nl.spiegel.words.Texts;
import nl.spiegel.words.Wording;

/**
 * The live protocol, message by message (see docs/protocol.md). A client first says
 * {@code hello}; every other message is a command named by its {@code type}, with a client-made
 * {@code commandId}, answered with {@code ack} or {@code rejected}. A message the server cannot
 * take is answered with {@code error} naming it; the connection stays up unless the peer floods.
 */
@ApplicationScoped
public class Protocol {

    private static final Logger LOG = Logger.getLogger(Protocol.class);
    private static final Pattern COMMAND_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /**
     * Commands a client may send by name: not those the server makes from what it looked up (a meeting
     * is created over REST; a norm is put on the guide with its text from the register).
     */
    static final Map<String, Class<? extends Command>> COMMANDS = Command.types().stream()
            .filter(c -> !Command.FromTheServer.class.isAssignableFrom(c))
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    @Inject
    Rooms rooms;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    Uni<Void> receive(Peer peer, String text) {
        peer.lastSeen = clock.millis();
        Timer.Sample arrived = Timer.start(registry);
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            return error(peer, ErrorCode.BAD_JSON, null, null, null, Texts::badJson);
        }
        if (node == null || !node.isObject()) {
            return error(peer, ErrorCode.BAD_JSON, null, null, null, Texts::notAnObject);
        }
        if (!node.path("type").isTextual()) {
            return error(peer, ErrorCode.MISSING_FIELD, null, null, "type", Texts::typeNeeded);
        }
        String type = node.get("type").asText();
        if (type.equals("hello")) {
            return hello(peer, node);
        }
        String commandId = node.path("commandId").isTextual() ? node.get("commandId").asText() : null;
        if (!peer.helloSeen) {
            return error(peer, ErrorCode.HELLO_FIRST, type, commandId, null, Texts::helloFirst);
        }
        Class<? extends Command> commandType = COMMANDS.get(type);
        if (commandType == null) {
            return error(peer, ErrorCode.UNKNOWN_TYPE, type, commandId, "type", t -> t.unknownType(type));
        }
        if (commandId == null || !COMMAND_ID.matcher(commandId).matches()) {
            return error(peer, ErrorCode.MISSING_FIELD, type, null, "commandId", Texts::commandIdNeeded);
        }
        if (peer.behindRefused(commandId, clock.millis())) {
            // A newer command instead of the refused one: the app holds those, a sender that keeps on floods.
            if (peer.limiter.refusedAgain()) {
                return flood(peer);
            }
            return refuseAsBusy(peer, type, commandId, 0);
        }
        if (rooms.busy(peer)) {
            // Before the command is read and a token taken: past capacity, refusals must cost little.
            return refuseAsBusy(peer, type, commandId, 0);
        }
        if (!peer.limiter.tryAcquire(clock.instant())) {
            if (peer.limiter.flooding()) {
                return flood(peer);
            }
            registry.counter("spiegel.limits.refused", "limit", "live_commands").increment();
            return error(peer, ErrorCode.RATE_LIMITED, type, commandId, null, t -> t.commandsPerMinute(peer.limiter.perMinute()));
        }
        if (!MeetingCore.allowed(peer.role(), commandType)) {
            // Refused by the core's own rule, without a transaction for a command that cannot apply.
            return rejected(peer, commandId, Rejection.Reason.FORBIDDEN.rejection());
        }
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        fields.remove("type");
        fields.remove("commandId");
        JsonNode acted = fields.remove("actedAt");
        Instant actedAt;
        try {
            actedAt = acted == null || acted.isNull() ? null : Instant.parse(acted.asText());
        } catch (DateTimeParseException e) {
            return error(peer, ErrorCode.INVALID, type, commandId, "actedAt", t -> t.wrongKind("actedAt"));
        }
        Command command;
        try {
            command = json.treeToValue(fields, commandType);
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                    ? mapping.getPath().getFirst().getFieldName() : null;
            return error(peer, ErrorCode.INVALID, type, commandId, field, t -> t.wrongKind(field));
        }
        if (DatabaseOutage.down()) {
            // At once, not after the pool gave up: the client keeps the command and sends it again once storing resumes.
            return error(peer, ErrorCode.UNAVAILABLE, type, commandId, null, Texts::unavailable);
        }
        return rooms.executeLive(peer.access.meetingId(), new Sender(peer.access.actor(), peer.access.keyHash()), commandId,
                        command, actedAt)
                .chain(outcome -> switch (outcome) {
                    case Outcome.Applied applied -> {
                        peer.send(write(ack(commandId, applied)));
                        if (!applied.meeting().details().practice()) {
                            arrived.stop(Timer.builder("spiegel.live.ack").tag("type", type).publishPercentileHistogram()
                                    .register(registry));
                        }
                        yield Uni.createFrom().voidItem();
                    }
                    case Outcome.Rejected rejected -> rejected(peer, commandId, rejected.rejection());
                })
                .onFailure(Busy.class).recoverWithUni(() -> {
                    // Nothing was decided: the try costs no token of the sender's rate.
                    peer.limiter.giveBack();
                    return refuseAsBusy(peer, type, commandId, 0);
                })
                .onFailure().recoverWithUni(failure -> {
                    LOG.warn("A live command could not be stored", failure);
                    return error(peer, ErrorCode.UNAVAILABLE, type, commandId, null, Texts::unavailable);
                });
    }

    private Uni<Void> flood(Peer peer) {
        LOG.infof("Closing a %s connection that kept flooding", peer.role());
        peer.drop(CloseCode.FLOOD);
        return Uni.createFrom().voidItem();
    }

    /**
     * A message that arrived while the node takes on no more from this peer ({@link Rooms#busy}):
     * refused at once, like a command the node did not take on, and sent again by the client later.
     */
    void busy(Peer peer, String text, int ahead, boolean excess) {
        // More than may wait: a client keeps at most 17 unanswered, so one that keeps on floods.
        if (excess && peer.limiter.refusedAgain()) {
            flood(peer);
            return;
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            node = null;
        }
        String type = node != null && node.path("type").isTextual() ? node.get("type").asText() : null;
        String commandId = node != null && node.path("commandId").isTextual() ? node.get("commandId").asText() : null;
        refuseAsBusy(peer, type, commandId, ahead);
    }

    /**
     * Refuses a command as too busy. Until it is sent again, the connection's later commands are
     * refused too ({@link Peer#behindRefused}): otherwise one that came after it could be decided
     * before it. {@code ahead}: the connection's messages still waiting that came before it.
     */
    private Uni<Void> refuseAsBusy(Peer peer, String type, String commandId, int ahead) {
        registry.counter("spiegel.limits.refused", "limit", "busy").increment();
        peer.refusedAsBusy(commandId, clock.millis(), ahead);
        return error(peer, ErrorCode.RATE_LIMITED, type, commandId, null, t -> t.busy(Busy.RETRY_AFTER_SECONDS));
    }

    private Uni<Void> hello(Peer peer, JsonNode node) {
        if (peer.helloSeen) {
            return error(peer, ErrorCode.ALREADY_SUBSCRIBED, "hello", null, null, Texts::alreadySubscribed);
        }
        JsonNode last = node.path("lastSeq");
        if (!last.isMissingNode() && !last.isNull() && !last.canConvertToLong()) {
            return error(peer, ErrorCode.INVALID, "hello", null, "lastSeq", Texts::lastSeqNumber);
        }
        if ("en".equals(node.path("language").asText())) {
            peer.language = "en";
        }
        peer.helloSeen = true;
        Long lastSeq = last.isMissingNode() || last.isNull() ? null : last.asLong();
        return rooms.room(peer.access.meetingId()).hello(peer, lastSeq);
    }

    /** The ack names the seq, and, when the command appended events, the time they were given. */
    private ObjectNode ack(String commandId, Outcome.Applied applied) {
        ObjectNode ack = json.createObjectNode().put("type", "ack").put("commandId", commandId).put("seq", applied.seq());
        if (!applied.events().isEmpty()) {
            ack.put("at", applied.events().getLast().at().toString());
        }
        return ack;
    }

    private Uni<Void> rejected(Peer peer, String commandId, Rejection r) {
        ObjectNode message = json.createObjectNode().put("type", "rejected").put("commandId", commandId)
                .put("code", r.code()).put("message", Wording.of(Wording.in(peer.language), r));
        if (r.field() != null) {
            message.put("field", r.field());
        }
        peer.send(write(message));
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> error(Peer peer, ErrorCode code, String about, String commandId, String field,
                            Function<Texts, String> text) {
        ObjectNode message = json.createObjectNode().put("type", "error").put("code", code.name())
                .put("message", text.apply(Wording.in(peer.language)));
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
