package nl.spiegel.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.access.AccessService;
import nl.spiegel.meeting.ActionStatus;
import nl.spiegel.meeting.Actor;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.EventStore;
import nl.spiegel.store.Outcome;
import nl.spiegel.web.ProblemException;

/**
 * Improvement actions of an ended meeting, for its moderator and assistant, and for the organiser
 * of a series that holds the meeting.
 */
@Path("/meetings/{id}/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActionResource {

    @Inject
    AccessService access;

    @Inject
    SeriesService series;

    @Inject
    EventStore store;

    public record NewAction(String noteId, String title, String owner, LocalDate due) {}

    public record ActionChange(String title, String owner, LocalDate due, ActionStatus status) {}

    @GET
    public Uni<List<Meeting.Action>> list(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization) {
        return actor(authorization, id).chain(a -> store.load(id)).map(Meeting::actions);
    }

    @POST
    public Uni<Meeting.Action> create(@PathParam("id") UUID id, NewAction body, @HeaderParam("Idempotency-Key") String key,
                                      @HeaderParam("Authorization") String authorization) {
        NewAction b = required(body);
        return send(id, authorization, key, new Command.CreateAction(b.noteId(), b.title(), b.owner(), b.due()))
                .map(m -> m.actions().getLast());
    }

    @PUT
    @Path("/{actionId}")
    public Uni<Meeting.Action> change(@PathParam("id") UUID id, @PathParam("actionId") String actionId, ActionChange body,
                                      @HeaderParam("Idempotency-Key") String key,
                                      @HeaderParam("Authorization") String authorization) {
        ActionChange b = required(body);
        return send(id, authorization, key, new Command.UpdateAction(actionId, b.title(), b.owner(), b.due(), b.status()))
                .map(m -> m.action(actionId).orElseThrow());
    }

    /** The moderator or assistant of the meeting, or else the organiser of its series. */
    private Uni<Actor> actor(String authorization, UUID meetingId) {
        String key = AccessService.bearer(authorization);
        return access.authenticate(key).chain(found -> {
            if (found != null && found.meetingId().equals(meetingId)
                    && (found.role() == Role.MODERATOR || found.role() == Role.ASSISTANT)) {
                return Uni.createFrom().item(found.actor());
            }
            return series.organises(key, meetingId).map(organises -> {
                if (organises) {
                    return new Actor(Role.ORGANISER, null);
                }
                // A key of this meeting without the right role is forbidden; any other key is not valid here.
                throw found != null ? ProblemException.of(Rejection.Reason.FORBIDDEN.rejection())
                        : new ProblemException(401, new Rejection("UNAUTHORIZED", null,
                                "This needs the moderator's key or the organiser's link of the series.",
                                "Hiervoor is de sleutel van de gespreksleider of de link van de organisator nodig."));
            });
        });
    }

    private Uni<Meeting> send(UUID id, String authorization, String key, Command command) {
        return actor(authorization, id).chain(actor -> store.execute(id, actor, key, command)).map(outcome -> switch (outcome) {
            case Outcome.Rejected rejected -> throw ProblemException.of(rejected.rejection());
            case Outcome.Applied applied -> applied.meeting();
        });
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new ProblemException(400, Rejection.invalid("body", "a JSON body is needed.", "er is JSON-inhoud nodig."));
        }
        return body;
    }
}
