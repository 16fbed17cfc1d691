package nl.spiegel.report;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import nl.spiegel.SpiegelConfig;
import nl.spiegel.followup.FollowUpLinks;
import nl.spiegel.live.CommandRequests;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.ActionStatus;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.FollowUp;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Nullable;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Report;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.Access;
import nl.spiegel.store.Caller;

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

    @Inject
    FollowUpLinks links;

    @Inject
    SecurityIdentity identity;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportPage page);

        static native TemplateInstance letter(ReportPage page, List<Meeting.Action> actions, String organisation,
                                              FollowUp.Letter words, String followUpUrl, RawString followUpQr);
    }

    public record Version(int version, @Nullable Instant finalizedAt) {}

    /** The letter's own words: greeting, closing paragraph, signature. */
    public record LetterWords(String greeting, String closing, String signature) {}

    public record LetterVersion(int version, Instant savedAt) {}

    /** The report as HTML, printable: the draft, or a finalised {@code version}; Dutch or English. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @PermissionsAllowed(Access.FOLLOW_UP)
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class)))
    @Operation(operationId = "getReportPage")
    public Uni<TemplateInstance> report(@PathParam("id") UUID id, @QueryParam("version") Integer version,
                                        @QueryParam("lang") String lang) {
        if ((version == null || version == 0) && Caller.actor(identity).role() == Role.ORGANISER) {
            // The organiser reads what was finalised, never the moderator's draft.
            throw Rejection.Reason.FORBIDDEN.about("version").refused();
        }
        return rooms.counted(id).map(m -> {
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
     * out. Addressed to all, it names no one. Its own words are the last saved version (or
     * {@code version}); it carries the link to the follow-up page, with a QR code, while one works.
     */
    @GET
    @Path("/letter")
    @Produces(MediaType.TEXT_HTML)
    @PermissionsAllowed(Access.FOLLOW_UP)
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class)))
    @Operation(operationId = "getLetterPage")
    public Uni<TemplateInstance> letter(@PathParam("id") UUID id, @QueryParam("lang") String lang,
                                        @QueryParam("version") Integer version, @Context UriInfo uri) {
        return rooms.counted(id).chain(m -> links.current(id).map(link -> {
            Report report = Report.forLetter(m);
            Set<String> published = Report.publishedNoteIds(m);
            List<Meeting.Action> actions = m.actions().stream()
                    .filter(a -> a.status() != ActionStatus.DROPPED && published.contains(a.noteId())).toList();
            List<FollowUp.Letter> saved = m.followUp().letters();
            FollowUp.Letter words = version == null ? (saved.isEmpty() ? null : saved.getLast())
                    : saved.stream().filter(l -> l.version() == version).findFirst()
                            .orElseThrow(() -> Rejection.Reason.UNKNOWN_VERSION.about("version").refused());
            ReportPage page = ReportPage.of(report, lang == null ? report.language() : lang, config.timeZone());
            String url = link == null ? null : uri.getBaseUri().resolve("../followup/" + link.token()).toString();
            RawString qr = url == null ? null : QrCode.svg(url, page.lang().equals("en") ? "QR code of the follow-up page"
                    : "QR-code van de pagina over wat er met uw inbreng is gedaan");
            return Templates.letter(page, actions, m.details().organisation(), words, url, qr).setLocale(page.locale());
        }));
    }

    /** Saves the letter's own words as its next version (the moderators, or the series' organiser). */
    @PUT
    @Path("/letter")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "saveLetter")
    public Uni<LetterVersion> saveLetter(@PathParam("id") UUID id, LetterWords body) {
        LetterWords b = CommandRequests.required(body);
        return commands.send(id, new Command.SaveLetter(b.greeting(), b.closing(), b.signature())).map(applied -> {
            FollowUp.Letter last = applied.meeting().followUp().letters().getLast();
            return new LetterVersion(last.version(), last.at());
        });
    }

    @GET
    @Path("/letter/versions")
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "listLetterVersions")
    public Uni<List<FollowUp.Letter>> letterVersions(@PathParam("id") UUID id) {
        return rooms.meeting(id).map(m -> m.followUp().letters());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "editReport")
    public Uni<Report> edit(@PathParam("id") UUID id, Command.EditReport body) {
        return commands.send(id, CommandRequests.required(body)).map(applied -> Report.of(applied.meeting(),
                applied.meeting().reportDraft(), 0, null));
    }

    @POST
    @Path("/finalize")
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Access.MODERATORS)
    @Operation(operationId = "finalizeReport")
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
    @Operation(operationId = "listReportVersions")
    public Uni<List<Version>> versions(@PathParam("id") UUID id) {
        return rooms.meeting(id).map(m -> m.reports().stream()
                .map(r -> new Version(r.version(), r.finalizedAt())).toList());
    }
}
