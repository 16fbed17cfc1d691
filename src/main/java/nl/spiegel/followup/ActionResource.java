package nl.spiegel.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.live.CommandRequests;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.ActionStatus;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Report;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.Access;
import nl.spiegel.store.Caller;

/**
 * Improvement actions of an ended meeting, for its moderator and assistant, and for the organiser
 * of a series that holds the meeting.
 */
@Path("/meetings/{id}/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActionResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    Rooms rooms;

    @Inject
    CommandRequests commands;

    /** {@code title} is the organisation's own wording, {@code publicTitle} what participants read (the title when left out). */
    public record NewAction(String noteId, String title, String owner, LocalDate due, String publicTitle) {}

    public record ActionEdit(String title, String owner, LocalDate due, Boolean noDue, ActionStatus status, String publicTitle) {}

    @GET
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "listActions")
    public Uni<List<Meeting.Action>> list(@PathParam("id") UUID id) {
        boolean organiser = Caller.actor(identity).role() == Role.ORGANISER;
        return rooms.meeting(id).map(m -> {
            if (!organiser) {
                return m.actions();
            }
            // An organiser sees only actions on what the finalised report published.
            Set<String> published = Report.publishedNoteIds(m);
            return m.actions().stream().filter(a -> published.contains(a.noteId())).toList();
        });
    }

    @POST
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "createAction")
    public Uni<Meeting.Action> create(@PathParam("id") UUID id, NewAction body) {
        NewAction b = CommandRequests.required(body);
        return commands.send(id, new Command.CreateAction(b.noteId(), b.title(), b.owner(), b.due(), b.publicTitle()))
                .map(applied -> applied.meeting().actions().getLast());
    }

    @PUT
    @Path("/{actionId}")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "changeAction")
    public Uni<Meeting.Action> change(@PathParam("id") UUID id, @PathParam("actionId") String actionId, ActionEdit body) {
        ActionEdit b = CommandRequests.required(body);
        return commands.send(id, new Command.UpdateAction(actionId, b.title(), b.owner(), b.due(), b.noDue(), b.status(), b.publicTitle()))
                .map(applied -> applied.meeting().action(actionId).orElseThrow());
    }
}
