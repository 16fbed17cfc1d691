package nl.spiegel.report;

import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import nl.spiegel.followup.EvaluationCards;
import nl.spiegel.live.Rooms;
import nl.spiegel.store.Access;

/**
 * The evaluation cards to print and hand out at the end: four to a page, each with the questions to
 * tick on paper and a QR code to answer on a phone instead. No card names anyone.
 */
@Path("/meetings/{id}/evaluation/cards.html")
public class EvaluationCardsResource {

    @Inject
    Rooms rooms;

    @Inject
    EvaluationCards cards;

    /** One page of cards: the meeting's title, the link and its QR code, in the page's language. */
    public record Cards(String lang, String title, String url, RawString qr) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cards(Cards cards);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @PermissionsAllowed(Access.FOLLOW_UP)
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class)))
    @Operation(operationId = "getEvaluationCards")
    public Uni<TemplateInstance> cards(@PathParam("id") UUID id, @QueryParam("lang") String lang, @Context UriInfo uri) {
        return rooms.counted(id).chain(m -> cards.token(id).map(token -> {
            String language = "en".equals(lang) || (lang == null && "en".equals(m.details().language())) ? "en" : "nl";
            String url = uri.getBaseUri().resolve("../evaluate/" + token).toString();
            RawString qr = QrCode.svg(url, "en".equals(language) ? "QR code of the evaluation" : "QR-code van de evaluatie");
            return Templates.cards(new Cards(language, m.details().title(), url, qr)).setLocale(Locale.forLanguageTag(language));
        }));
    }
}
