package nl.spiegel.followup;

import static nl.spiegel.live.CommandRequests.required;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.PermissionsAllowed;
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
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.NoteTag;
import nl.spiegel.meeting.NormStatus;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Report;
import nl.spiegel.meeting.Role;
import nl.spiegel.meeting.Rules;
import nl.spiegel.store.Access;

/**
 * The register of service norms of a series, kept by its organiser: norms made from what the
 * participants said (published improvement points, wishes, strengths and quotes, or a report's
 * concept norms), adopted, measured in later meetings, revised or retired.
 */
@Path("/series/{id}/norms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NormResource {

    @Inject
    NormRegister register;

    @Inject
    SeriesService series;

    @Inject
    Rooms rooms;

    /**
     * A new norm, as a concept. With {@code meetingId} (a meeting of this series) it is made from that
     * meeting's published notes ({@code noteIds}) or, with {@code fromReport}, is one of the concept
     * norms its finalised report proposed; the sources are kept with the norm, never a name.
     */
    public record NewNorm(String text, UUID meetingId, List<String> noteIds, Boolean fromReport) {}

    /** A step of the norm's status; {@code text} is its new wording, needed to revise it. */
    public record NormChange(NormStatus status, String text) {}

    @GET
    @PermissionsAllowed(Access.ORGANISER)
    @Operation(operationId = "listNorms")
    public Uni<List<NormRegister.Norm>> list(@PathParam("id") UUID id) {
        return register.of(id);
    }

    @POST
    @PermissionsAllowed(Access.ORGANISER)
    @APIResponse(responseCode = "201", description = "Created; Location tells where it can be fetched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NormRegister.Norm.class)))
    @Operation(operationId = "createNorm")
    public Uni<RestResponse<NormRegister.Norm>> create(@PathParam("id") UUID id, NewNorm body) {
        NewNorm b = required(body);
        String text = text("text", b.text(), 500);
        List<String> noteIds = b.noteIds() == null ? List.of() : b.noteIds();
        if (noteIds.size() > NormRegister.MAX_SOURCES) {
            throw Rejection.invalid("noteIds", new Rejection.Detail.AtMost(NormRegister.MAX_SOURCES)).refused();
        }
        Uni<List<NormRegister.Source>> sources = b.meetingId() == null ? Uni.createFrom().item(List.of())
                : series.holds(id, b.meetingId()).chain(held -> {
                    if (!held) {
                        throw Rejection.Reason.NOT_FOUND.about("meetingId").refused();
                    }
                    return rooms.meeting(b.meetingId()).map(m -> sources(m, b.meetingId(), noteIds,
                            Boolean.TRUE.equals(b.fromReport()) ? text : null));
                });
        return sources.chain(found -> register.create(id, text, NormStatus.CONCEPT, Role.ORGANISER, found, null))
                .map(norm -> CommandRequests.created("series/" + id + "/norms/" + norm.id(), norm));
    }

    @GET
    @Path("/{normId}")
    @PermissionsAllowed(Access.ORGANISER)
    @Operation(operationId = "getNorm")
    public Uni<NormRegister.Norm> get(@PathParam("id") UUID id, @PathParam("normId") UUID normId) {
        return register.find(id, normId);
    }

    @PUT
    @Path("/{normId}")
    @PermissionsAllowed(Access.ORGANISER)
    @Operation(operationId = "changeNorm")
    public Uni<NormRegister.Norm> change(@PathParam("id") UUID id, @PathParam("normId") UUID normId, NormChange body) {
        NormChange b = required(body);
        if (b.status() == null) {
            throw Rejection.invalid("status", new Rejection.Detail.Needed()).refused();
        }
        return register.change(id, normId, b.status(), b.text() == null ? null : text("text", b.text(), 500), Role.ORGANISER);
    }

    /**
     * What a norm was made from: published notes of the meeting (never a private one, never a name),
     * or the report's concept norm with this very text.
     */
    private static List<NormRegister.Source> sources(Meeting m, UUID meetingId, List<String> noteIds, String reportNorm) {
        List<NormRegister.Source> sources = new ArrayList<>();
        Set<String> published = Report.publishedNoteIds(m);
        String title = m.details().title();
        for (String noteId : noteIds) {
            Meeting.Note note = m.note(noteId).filter(n -> published.contains(n.id()) && n.tag() != NoteTag.OTHER)
                    .orElseThrow(() -> Rejection.Reason.UNKNOWN_NOTE.about("noteIds").refused());
            sources.add(new NormRegister.Source(meetingId, title, note.tag().name(), note.text()));
        }
        if (reportNorm != null) {
            boolean proposed = !m.reports().isEmpty() && m.reports().getLast().serviceNorms().contains(reportNorm);
            if (!proposed) {
                throw Rejection.Reason.UNKNOWN_NORM.about("text").refused();
            }
            sources.add(new NormRegister.Source(meetingId, title, "REPORT", reportNorm));
        }
        return sources;
    }

    static String text(String field, String value, int max) {
        String stripped = value == null ? "" : value.strip();
        Rules.textProblem(field, stripped, 1, max).ifPresent(problem -> {
            throw problem.refused();
        });
        return stripped;
    }
}
