package nl.spiegel.access;

import static nl.spiegel.live.CommandRequests.required;

import java.time.Clock;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.live.CommandRequests;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.Actor;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Views;
import nl.spiegel.store.Outcome;
import nl.spiegel.store.Sender;

/**
 * Creating a meeting: open to anyone, answered with the meeting's keys and join code, shown this
 * once, with the links they belong in. Limited per client address ({@link AddressLimits}).
 */
@Path("/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeetingKeysResource {

    @Inject
    Rooms rooms;

    @Inject
    AccessService access;

    @Inject
    CommandRequests commands;

    @Inject
    CreateRequests creates;

    @Inject
    AddressLimits limits;

    @Inject
    HttpServerRequest request;

    @Inject
    Clock clock;

    /** The keys of a new meeting, shown once, and the links they belong in. */
    public record AccessInfo(String moderatorKey, String assistantKey, String displayKey, String joinCode, Links links) {}

    public record CreatedMeeting(UUID id, long seq, AccessInfo access, Views.ModeratorView meeting) {}

    /** Whoever creates a meeting has no key yet. */
    private static final Sender CREATOR = new Sender(Actor.MODERATOR, "create");

    @POST
    @PermitAll
    @APIResponse(responseCode = "201", description = "Created; Location tells where it can be fetched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedMeeting.class)))
    @Operation(operationId = "createMeeting")
    public Uni<RestResponse<CreatedMeeting>> createMeeting(Command.CreateMeeting body) {
        Command.CreateMeeting asked = required(body);
        // A practice copy is made from a meeting's preparation only (RehearsalResource), never asked for here.
        Command.CreateMeeting command = new Command.CreateMeeting(asked.title(), asked.goal(), asked.targetGroup(),
                asked.scheduledStart(), asked.plannedMinutes(), asked.language(), null);
        limits.take(AddressLimits.Kind.CREATE, request);
        return create(command).map(created -> CommandRequests.created("meetings/" + created.id(), created));
    }

    /**
     * Creates a meeting with a new random id (never derived from the Idempotency-Key: knowing the key
     * must not lead to the meeting), its keys and join code in the same transaction.
     */
    Uni<CreatedMeeting> create(Command.CreateMeeting command) {
        UUID id = UUID.randomUUID();
        AccessService.Keys[] keys = new AccessService.Keys[1];
        return rooms.execute(id, CREATOR, null, command, null, (connection, applied) ->
                        creates.claim(connection, CreateRequests.Kind.MEETING, commands.idempotencyKey())
                                .chain(() -> access.issue(connection, id)).invoke(k -> keys[0] = k).replaceWithVoid())
                .map(outcome -> switch (outcome) {
                    case Outcome.Rejected rejected -> throw rejected.rejection().refused();
                    case Outcome.Applied applied -> {
                        AccessService.Keys k = keys[0];
                        yield new CreatedMeeting(id, applied.meeting().seq(),
                                new AccessInfo(k.moderator(), k.assistant(), k.display(), k.joinCode(), Links.of(id, k)),
                                Views.moderator(applied.meeting(), clock.instant()));
                    }
                });
    }
}
