package nl.spiegel.prep;

import static nl.spiegel.live.CommandRequests.required;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.SpiegelConfig;
import nl.spiegel.live.CommandRequests;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.BriefingPart;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Nullable;
import nl.spiegel.store.Access;

/**
 * The briefing for participants: what a mirror meeting is, why they are invited, who is present, who
 * moderates, the ground rules, privacy and practicalities. Spiegel writes each part from the
 * meeting's facts in Dutch (B1) or English; the organiser may rewrite any part, and the rewritten
 * text is kept in the meeting and printed as written. As JSON to edit, as HTML to print.
 */
@Path("/meetings/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BriefingResource {

    @Inject
    Rooms rooms;

    @Inject
    CommandRequests commands;

    @Inject
    SpiegelConfig config;

    /**
     * A part of the briefing: what Spiegel writes, what the organiser wrote instead (if anything),
     * and the text that is printed.
     */
    public record Part(BriefingPart part, String heading, String generated, @Nullable String edited, String text) {}

    public record Briefing(String language, String title, String meetingTitle, List<Part> parts) {}

    /** Blank: back to the text Spiegel writes. */
    public record PartBody(String text) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance briefing(Briefing briefing);
    }

    @GET
    @Path("/briefing")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "getBriefing")
    public Uni<Briefing> briefing(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        return rooms.existing(id).map(m -> of(m, lang));
    }

    @PUT
    @Path("/briefing/{part}")
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "editBriefingPart")
    public Uni<Briefing> edit(@PathParam("id") UUID id, @PathParam("part") BriefingPart part, @QueryParam("lang") String lang,
                              PartBody body) {
        return commands.send(id, new Command.EditBriefing(part, required(body).text())).map(a -> of(a.meeting(), lang));
    }

    /** The briefing to print or hand out, in the meeting's language unless {@code lang} says otherwise. */
    @GET
    @Path("/briefing.html")
    @Produces(MediaType.TEXT_HTML)
    @PermissionsAllowed(Access.FOLLOW_UP)
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class)))
    @Operation(operationId = "getBriefingPage")
    public Uni<TemplateInstance> page(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        return rooms.existing(id).map(m -> {
            Briefing briefing = of(m, lang);
            return Templates.briefing(briefing).setLocale(Locale.forLanguageTag(briefing.language()));
        });
    }

    private Briefing of(Meeting m, String lang) {
        Meeting.Details d = m.details();
        String language = "en".equals(lang) || (lang == null && "en".equals(d.language())) ? "en" : "nl";
        BriefingTexts words = MessageBundles.get(BriefingTexts.class, Localized.Literal.of(language));
        String organisation = d.organisation() != null ? d.organisation() : words.someOrganisation();
        List<Part> parts = new ArrayList<>();
        for (BriefingPart part : BriefingPart.values()) {
            String generated = switch (part) {
                case ABOUT -> words.about(organisation);
                case WHY_YOU -> words.whyYou(organisation, d.targetGroup(), d.goal());
                case WHO -> words.who(organisation, participants(m, words));
                case MODERATOR -> words.moderator(organisation);
                case RULES -> d.houseRules();
                case PRIVACY -> words.privacy();
                case PRACTICAL -> words.practical(when(d, words, language), d.plannedMinutes(),
                        d.place() != null ? d.place() : words.placeUnknown(), d.listenUrl() != null);
            };
            String edited = m.preparation().briefing().get(part);
            parts.add(new Part(part, heading(words, part), generated, edited, edited != null ? edited : generated));
        }
        return new Briefing(language, words.title(), d.title(), List.copyOf(parts));
    }

    /** How many take part: those who confirmed, else the seats taken, else the method's number. */
    private static String participants(Meeting m, BriefingTexts words) {
        long confirmed = m.participants().stream().filter(p -> p.status().confirmed()).count();
        long expected = confirmed > 0 ? confirmed : m.circle().size();
        return expected > 0 ? String.valueOf(expected) : words.someParticipants();
    }

    private String when(Meeting.Details d, BriefingTexts words, String language) {
        if (d.scheduledStart() == null) {
            return words.dateUnknown();
        }
        ZonedDateTime start = d.scheduledStart().atZone(config.timeZone());
        Locale locale = Locale.forLanguageTag(language);
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(start) + " " + words.at() + " "
                + DateTimeFormatter.ofPattern("HH:mm", locale).format(start);
    }

    private static String heading(BriefingTexts words, BriefingPart part) {
        return switch (part) {
            case ABOUT -> words.aboutHeading();
            case WHY_YOU -> words.whyYouHeading();
            case WHO -> words.whoHeading();
            case MODERATOR -> words.moderatorHeading();
            case RULES -> words.rulesHeading();
            case PRIVACY -> words.privacyHeading();
            case PRACTICAL -> words.practicalHeading();
        };
    }
}
