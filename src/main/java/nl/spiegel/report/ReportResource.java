package nl.spiegel.report;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.SpiegelConfig;
import nl.spiegel.live.CommandRequests;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.ActionStatus;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Nullable;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Report;
import nl.spiegel.store.Access;

/**
 * After the meeting, the report: a draft the moderator edits, then finalised versions that never
 * change. For the moderator and assistant.
 */
@Path("/meetings/{id}/report")
public class ReportResource {

    @Inject
    CommandRequests commands;

    @Inject
    Rooms rooms;

    @Inject
    SpiegelConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportPage page);

        static native TemplateInstance letter(ReportPage page, List<Meeting.Action> actions, String organisation);
    }

    public record Version(int version, @Nullable Instant finalizedAt) {}

    /** The report as HTML, printable: the draft, or a finalised {@code version}; Dutch or English. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @PermissionsAllowed(Access.MODERATORS)
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class)))
    public Uni<TemplateInstance> report(@PathParam("id") UUID id, @QueryParam("version") Integer version,
                                        @QueryParam("lang") String lang) {
        return rooms.meeting(id).map(m -> {
            Report report = version == null || version == 0 ? Report.of(m, m.reportDraft(), 0, null)
                    : m.reports().stream().filter(r -> r.version() == version).findFirst()
                            .orElseThrow(() -> Rejection.Reason.UNKNOWN_VERSION.about("version").refused());
            ReportPage page = ReportPage.of(report, lang == null ? report.language() : lang, config.timeZone());
            return Templates.report(page).setLocale(page.locale());
        });
    }

    /**
     * The thank-you letter to the participants: what was heard and what happens next, from the last
     * finalised report and the actions on what it published, each with who carries it out and by when
     * (before a finalised report: only the thanks). Concept service norms are no promise yet and stay
     * out. Addressed to all, it names no one, and is signed by the organisation when preparation names it.
     */
    @GET
    @Path("/letter")
    @Produces(MediaType.TEXT_HTML)
    @PermissionsAllowed(Access.MODERATORS)
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class)))
    public Uni<TemplateInstance> letter(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        return rooms.meeting(id).map(m -> {
            Report report = Report.forLetter(m);
            Set<String> published = Report.publishedNoteIds(m);
            List<Meeting.Action> actions = m.actions().stream()
                    .filter(a -> a.status() != ActionStatus.DROPPED && published.contains(a.noteId())).toList();
            ReportPage page = ReportPage.of(report, lang == null ? report.language() : lang, config.timeZone());
            return Templates.letter(page, actions, m.details().organisation()).setLocale(page.locale());
        });
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Access.MODERATORS)
    public Uni<Report> edit(@PathParam("id") UUID id, Command.EditReport body) {
        return commands.send(id, CommandRequests.required(body)).map(applied -> Report.of(applied.meeting(),
                applied.meeting().reportDraft(), 0, null));
    }

    @POST
    @Path("/finalize")
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Access.MODERATORS)
    public Uni<Version> finalizeReport(@PathParam("id") UUID id) {
        return commands.send(id, new Command.FinalizeReport()).map(applied -> {
            Report last = applied.meeting().reports().getLast();
            return new Version(last.version(), last.finalizedAt());
        });
    }

    @GET
    @Path("/versions")
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Access.MODERATORS)
    public Uni<List<Version>> versions(@PathParam("id") UUID id) {
        return rooms.meeting(id).map(m -> m.reports().stream()
                .map(r -> new Version(r.version(), r.finalizedAt())).toList());
    }
}
