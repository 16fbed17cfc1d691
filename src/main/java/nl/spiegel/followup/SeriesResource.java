package nl.spiegel.followup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.access.AccessService;
import nl.spiegel.access.Permissions;
import nl.spiegel.meeting.ActionStatus;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.NoteTag;
import nl.spiegel.meeting.Nullable;
import nl.spiegel.meeting.Phase;
import nl.spiegel.meeting.Rules;
import nl.spiegel.meeting.Report;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.EventStore;
import nl.spiegel.web.AddressLimits;
import nl.spiegel.web.Commands;
import nl.spiegel.web.Locations;
import nl.spiegel.web.ProblemException;
import nl.spiegel.web.Texts;

/**
 * A series of meetings (for example "clients 2027: citizens" and "entrepreneurs"): its meetings,
 * their improvement points side by side, and the progress of every action with its history. Open
 * with the organiser's link of the series.
 */
@Path("/series")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SeriesResource {

    @Inject
    SeriesService series;

    @Inject
    AddressLimits limits;

    @Inject
    HttpServerRequest request;

    @Inject
    AccessService access;

    @Inject
    EventStore store;

    public record SeriesBody(String name, String description) {}

    public record Created(UUID id, String organiserKey, String link) {}

    /** A meeting is added with its moderator's key: proof that whoever adds it may. */
    public record AddMeeting(String meetingKey) {}

    public record ImprovementPoint(String noteId, @Nullable String theme, String text) {}

    public record MeetingLine(UUID id, String title, @Nullable String targetGroup, Phase phase, @Nullable Instant date,
                              List<ImprovementPoint> improvementPoints, List<Meeting.Action> actions) {}

    public record Overview(UUID id, String name, @Nullable String description, List<MeetingLine> meetings,
                           Map<ActionStatus, Integer> actionsByStatus) {}

    @POST
    @PermitAll
    @APIResponse(responseCode = "201", description = "Created; Location tells where it can be fetched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Created.class)))
    public Uni<RestResponse<Created>> create(SeriesBody body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        SeriesBody b = Commands.required(body);
        String name = b.name() == null ? "" : b.name().strip();
        String description = b.description() == null || b.description().isBlank() ? null : b.description().strip();
        Rules.textProblem("name", name, 1, 200)
                .or(() -> description == null ? Optional.empty() : Rules.textProblem("description", description, 1, 2000))
                .ifPresent(problem -> {
                    throw ProblemException.of(problem);
                });
        limits.take(AddressLimits.Kind.CREATE, request);
        UUID id = UUID.randomUUID();
        return series.create(id, name, description, idempotencyKey).map(key -> RestResponse.ResponseBuilder
                .<Created>created(Locations.of("series/" + id))
                .entity(new Created(id, key, "/series/" + id + "#key=" + key)).build());
    }

    @POST
    @Path("/{id}/meetings")
    @PermissionsAllowed(Permissions.ORGANISER)
    public Uni<Overview> addMeeting(@PathParam("id") UUID id, AddMeeting body) {
        if (body == null || body.meetingKey() == null) {
            throw ProblemException.invalid("meetingKey", t -> t.needed("meetingKey"));
        }
        return access.authenticate(body.meetingKey())
                .chain(meetingAccess -> {
                    if (meetingAccess == null || meetingAccess.role() != Role.MODERATOR) {
                        throw new ProblemException(403, "INVALID", "meetingKey", Texts::notAModeratorKey);
                    }
                    return series.add(id, meetingAccess.meetingId());
                })
                .chain(() -> overview(id));
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.ORGANISER)
    public Uni<Overview> overview(@PathParam("id") UUID id) {
        return series.find(id).chain(s -> series.meetings(id).chain(ids -> ids.isEmpty()
                ? Uni.createFrom().item(summarise(s, ids, List.of()))
                : Uni.join().all(ids.stream().map(store::load).toList()).andFailFast().map(meetings -> summarise(s, ids, meetings))));
    }

    private static Overview summarise(SeriesService.Series s, List<UUID> ids, List<Meeting> meetings) {
        List<MeetingLine> lines = new ArrayList<>();
        Map<ActionStatus, Integer> byStatus = new EnumMap<>(ActionStatus.class);
        EnumSet.allOf(ActionStatus.class).forEach(status -> byStatus.put(status, 0));
        for (int i = 0; i < meetings.size(); i++) {
            Meeting m = meetings.get(i);
            Set<String> published = Report.publishedNoteIds(m);
            List<ImprovementPoint> points = m.notes().stream()
                    .filter(n -> n.tag() == NoteTag.IMPROVEMENT_POINT && published.contains(n.id()))
                    .map(n -> new ImprovementPoint(n.id(), m.theme(n.themeId()).map(Meeting.Theme::title).orElse(null), n.text()))
                    .toList();
            List<Meeting.Action> actions = m.actions().stream().filter(a -> published.contains(a.noteId())).toList();
            actions.forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
            lines.add(new MeetingLine(ids.get(i), m.details().title(), m.details().targetGroup(), m.phase(),
                    m.openedAt() != null ? m.openedAt() : m.details().scheduledStart(), points, actions));
        }
        return new Overview(s.id(), s.name(), s.description(), lines, byStatus);
    }
}
