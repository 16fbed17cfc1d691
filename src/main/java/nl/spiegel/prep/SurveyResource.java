package nl.spiegel.prep;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.live.CommandRequests;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.store.Access;

/**
 * The scores of a satisfaction survey per theme, imported from a CSV file, to set beside the stories
 * in preparation and in the report. The file is read against the meeting's guide; a file with bad
 * rows names them all and changes nothing.
 */
@Path("/meetings/{id}/survey")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

    @Inject
    Rooms rooms;

    @Inject
    CommandRequests commands;

    /** A theme's score, with the theme's title as the guide has it now. */
    public record SurveyLine(String themeId, String title, double score, int respondents) {}

    @GET
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "getSurvey")
    public Uni<List<SurveyLine>> survey(@PathParam("id") UUID id) {
        return rooms.existing(id).map(SurveyResource::lines);
    }

    /** Replaces the scores with those of the file: columns theme, score, number of respondents. */
    @PUT
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "importSurvey")
    public Uni<List<SurveyLine>> importFile(@PathParam("id") UUID id, String csv) {
        return rooms.existing(id).chain(m -> commands.send(id, new Command.SetSurvey(SurveyCsv.read(csv, m.guide()))))
                .map(applied -> lines(applied.meeting()));
    }

    @DELETE
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "clearSurvey")
    public Uni<List<SurveyLine>> clear(@PathParam("id") UUID id) {
        return commands.send(id, new Command.SetSurvey(List.of())).map(applied -> lines(applied.meeting()));
    }

    private static List<SurveyLine> lines(Meeting m) {
        return m.preparation().survey().stream().map(s -> new SurveyLine(s.themeId(),
                m.theme(s.themeId()).map(Meeting.Theme::title).orElse(""), s.score(), s.respondents())).toList();
    }
}
