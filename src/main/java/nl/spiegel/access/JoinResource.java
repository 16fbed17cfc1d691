package nl.spiegel.access;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.Actor;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Phase;
import nl.spiegel.meeting.Refused;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Role;
import nl.spiegel.meeting.Views;
import nl.spiegel.store.Outcome;
import nl.spiegel.store.Sender;
import nl.spiegel.store.Secrets;

/** Joining a meeting as a listener, with the code from the room's screen or invitation. */
@Path("/join")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JoinResource {

    @Inject
    AccessService access;

    @Inject
    Rooms rooms;

    @Inject
    Clock clock;

    @Inject
    AddressLimits limits;

    @Inject
    MeterRegistry registry;

    @Inject
    HttpServerRequest request;

    public record JoinBody(String code, String displayName) {}

    /** What someone with the code sees before joining: enough to decide, nothing about people. */
    public record Preview(UUID meetingId, String title, String houseRules, String language, Phase phase,
                          boolean joiningOpen, boolean full) {}

    @GET
    @PermitAll
    @Path("/{code}")
    @Operation(operationId = "previewJoin")
    public Uni<Preview> preview(@PathParam("code") String code) {
        limits.takeGuess(request);
        return access.meetingForCode(code).chain(meetingId -> {
            if (meetingId == null) {
                throw unknownCode();
            }
            limits.rightCode(request);
            return rooms.meeting(meetingId).map(m -> new Preview(meetingId, m.details().title(), m.details().houseRules(),
                    m.details().language(), m.phase(), m.joiningOpen() && m.phase() != Phase.ENDED,
                    m.listenerLimit() != null && m.listeners().size() >= m.listenerLimit()));
        });
    }

    /** A code that opens nothing: its guess stays taken from the client's address and from all. */
    private Refused unknownCode() {
        limits.wrongCode(request);
        registry.counter("spiegel.joins", "outcome", "unknown_code").increment();
        return Rejection.Reason.UNKNOWN_CODE.about("code").refused();
    }

    /** A listener's own key: keep it to come back as the same listener, with the same questions. */
    public record Joined(UUID meetingId, String listenerId, String key, Views.ListenerView meeting) {}

    @POST
    @PermitAll
    @Operation(operationId = "joinMeeting")
    public Uni<Joined> join(JoinBody body) {
        if (body == null || body.code() == null || body.code().isBlank()) {
            throw Rejection.invalid("code", new Rejection.Detail.Needed()).refused();
        }
        limits.takeGuess(request);
        return access.meetingForCode(body.code()).chain(meetingId -> {
            if (meetingId == null) {
                throw unknownCode();
            }
            limits.rightCode(request);
            limits.take(AddressLimits.Kind.JOIN, request);
            String listenerId = Secrets.newListenerId();
            String key = Secrets.newKey();
            return rooms.execute(meetingId, new Sender(Actor.listener(listenerId), Secrets.hash(key)), null,
                            new Command.JoinAsListener(body.displayName()), null,
                            (connection, applied) -> access.persistKey(connection, meetingId, Role.LISTENER, listenerId, key))
                    .map(outcome -> switch (outcome) {
                        case Outcome.Rejected rejected -> {
                            registry.counter("spiegel.joins", "outcome", rejected.rejection().code().toLowerCase(Locale.ROOT)).increment();
                            throw rejected.rejection().refused();
                        }
                        case Outcome.Applied applied -> {
                            // A rehearsal's listener is practice: never counted (decision 0035).
                            if (!applied.meeting().details().practice()) {
                                registry.counter("spiegel.joins", "outcome", "joined").increment();
                            }
                            yield new Joined(meetingId, listenerId, key, Views.listener(applied.meeting(), listenerId, clock.instant()));
                        }
                    });
        });
    }

}
