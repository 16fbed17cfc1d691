package nl.spiegel.followup;

import static nl.spiegel.live.CommandRequests.required;

import java.time.Clock;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.Actor;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Debrief;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Nullable;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.Outcome;
import nl.spiegel.store.Sender;

/**
 * The participants' evaluation through the card's link: no key, no name; the answer is the meeting's,
 * never a seat's. A meeting takes at most {@value Debrief#MAX_EVALUATIONS} answers, within
 * {@value Debrief#EVALUATION_DAYS} days after its end.
 */
@Path("/evaluate/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvaluateResource {

    /** A participant has no key: the card's link is who they are, to the core a {@code PUBLIC} actor. */
    private static final Sender CARD = new Sender(new Actor(Role.PUBLIC, null), "evaluation-card");

    @Inject
    EvaluationCards cards;

    @Inject
    Rooms rooms;

    @Inject
    Clock clock;

    /** What the page shows before the questions: which meeting, by whom, in which language, and whether it is open. */
    public record EvaluationForm(String title, @Nullable String organisation, String language, boolean open) {}

    @GET
    @PermitAll
    @Operation(operationId = "getEvaluationForm")
    public Uni<EvaluationForm> card(@PathParam("token") String token) {
        return meeting(token).map(m -> new EvaluationForm(m.details().title(), m.details().organisation(), m.details().language(),
                Debrief.evaluationOpen(m, clock.instant())));
    }

    @POST
    @PermitAll
    @Operation(operationId = "giveEvaluation")
    public Uni<RestResponse<Void>> answer(@PathParam("token") String token, Command.GiveEvaluation body) {
        Command.GiveEvaluation answers = required(body);
        return cards.meeting(token).chain(id -> {
            if (id == null) {
                throw Rejection.Reason.NOT_FOUND.rejection().refused();
            }
            return rooms.execute(id, CARD, null, answers, null);
        }).map(outcome -> switch (outcome) {
            case Outcome.Applied applied -> RestResponse.status(RestResponse.Status.CREATED);
            case Outcome.Rejected rejected -> throw rejected.rejection().refused();
        });
    }

    private Uni<Meeting> meeting(String token) {
        return cards.meeting(token).chain(id -> {
            if (id == null) {
                throw Rejection.Reason.NOT_FOUND.rejection().refused();
            }
            return rooms.existing(id);
        });
    }
}
