package nl.spiegel.followup;

import static nl.spiegel.live.CommandRequests.required;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.live.CommandRequests;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.store.Access;

/**
 * What was answered to a clarifying question, noted after the meeting: above all an accepted question
 * that was not asked in time and is answered in writing, by the moderators or the series' organiser.
 */
@Path("/meetings/{id}/questions/{questionId}/answer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AnswerResource {

    @Inject
    CommandRequests commands;

    /** {@code answer} blank takes it away. */
    public record AnswerBody(String answer) {}

    @PUT
    @PermissionsAllowed(Access.FOLLOW_UP)
    @Operation(operationId = "answerQuestion")
    public Uni<SeriesService.OpenQuestion> answer(@PathParam("id") UUID id, @PathParam("questionId") String questionId,
                                                  AnswerBody body) {
        return commands.send(id, new Command.RecordAnswer(questionId, required(body).answer())).map(applied -> {
            Meeting.Question q = applied.meeting().question(questionId).orElseThrow();
            return new SeriesService.OpenQuestion(q.id(), q.text(), q.answer());
        });
    }
}
