package nl.spiegel.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.meeting.Actor;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Role;
import nl.spiegel.meeting.Views;
import nl.spiegel.store.EventStore;
import nl.spiegel.store.Outcome;
import nl.spiegel.web.ProblemException;

/** Joining as a listener with a code, and the moderator's keys: see, rotate. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccessResource {

    @Inject
    AccessService access;

    @Inject
    EventStore store;

    @Inject
    java.time.Clock clock;

    public record JoinBody(String code, String displayName) {}

    /** A listener's own key: keep it to come back as the same listener, with the same questions. */
    public record Joined(UUID meetingId, String listenerId, String key, Views.ListenerView meeting) {}

    public record JoinInfo(String joinCode, String joinLink) {}

    public record RotatedKey(String role, String key, String link) {}

    @POST
    @Path("/join")
    public Uni<Joined> join(JoinBody body) {
        if (body == null || body.code() == null || body.code().isBlank()) {
            throw new ProblemException(400, Rejection.invalid("code", "the join code is needed.", "de code is nodig."));
        }
        return access.meetingForCode(body.code()).chain(meetingId -> {
            if (meetingId == null) {
                throw new ProblemException(404, new Rejection("UNKNOWN_CODE", "code",
                        "No meeting has this code. Check the code on the screen in the room.",
                        "Geen gesprek heeft deze code. Kijk nog eens naar de code op het scherm in de zaal."));
            }
            String listenerId = Secrets.newListenerId();
            String key = Secrets.newKey();
            return store.execute(meetingId, Actor.listener(listenerId), null, new Command.JoinAsListener(body.displayName()),
                            applied -> access.persistKey(meetingId, Role.LISTENER, listenerId, key))
                    .map(outcome -> switch (outcome) {
                        case Outcome.Rejected rejected -> throw ProblemException.of(rejected.rejection());
                        case Outcome.Applied applied -> new Joined(meetingId, listenerId, key,
                                Views.listener(applied.meeting(), listenerId, clock.instant()));
                    });
        });
    }

    @GET
    @Path("/meetings/{id}/access")
    public Uni<JoinInfo> joinInfo(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization) {
        return access.require(authorization, id, EnumSet.of(Role.MODERATOR, Role.ASSISTANT))
                .chain(a -> access.joinCode(id))
                .map(code -> new JoinInfo(code, Links.join(code)));
    }

    /**
     * A new key for the moderator, the assistant or the display ({@code role}), or a new join code
     * ({@code join-code}). Only the moderator may do this; the old key stops working at once.
     */
    @POST
    @Path("/meetings/{id}/access/{role}/rotate")
    public Uni<RotatedKey> rotate(@PathParam("id") UUID id, @PathParam("role") String role,
                                  @HeaderParam("Authorization") String authorization) {
        return access.require(authorization, id, EnumSet.of(Role.MODERATOR)).chain(a -> {
            if ("join-code".equals(role)) {
                return access.rotateJoinCode(id).map(code -> new RotatedKey(role, code, Links.join(code)));
            }
            Role target = switch (role.toLowerCase(Locale.ROOT)) {
                case "moderator" -> Role.MODERATOR;
                case "assistant" -> Role.ASSISTANT;
                case "display" -> Role.DISPLAY;
                default -> throw new ProblemException(404, Rejection.invalid("role",
                        "must be moderator, assistant, display or join-code.",
                        "moet moderator, assistant, display of join-code zijn."));
            };
            return access.rotate(id, target).map(key -> new RotatedKey(role, key,
                    target == Role.DISPLAY ? Links.display(id, key) : Links.moderate(id, key)));
        });
    }
}
