package nl.spiegel.prep;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.meeting.Actor;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Event;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.TopicStatus;
import nl.spiegel.meeting.Views;
import nl.spiegel.store.EventStore;
import nl.spiegel.store.MeetingRow;
import nl.spiegel.store.Outcome;
import nl.spiegel.web.ProblemException;

/**
 * Preparing a meeting over REST: its facts, house rules, conversation guide and circle. Every
 * change is a command to the meeting core; a retried request with the same {@code Idempotency-Key}
 * header is applied once and answered with its first result.
 */
@Path("/api/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeetingResource {

    @Inject
    EventStore store;

    @Inject
    Clock clock;

    /** The moderator's view of a meeting, with the id of what a request just made, if any. */
    public record MeetingResponse(UUID id, long seq, String createdId, Views.ModeratorView meeting) {}

    public record MeetingSummary(UUID id, String title, String phase, Instant scheduledStart, Instant createdAt,
                                 Instant updatedAt) {}

    public record ThemeBody(String title, String centralQuestion, Integer minutes) {}

    public record ParticipantBody(String pseudonym, Integer seat, Boolean briefed) {}

    public record PositionBody(Integer position) {}

    public record TopicsOpenBody(Boolean open) {}

    public record TopicStatusBody(TopicStatus status) {}

    @POST
    public Uni<RestResponse<MeetingResponse>> create(Command.CreateMeeting body,
                                                     @HeaderParam("Idempotency-Key") String key) {
        // A retried create with the same key must land on the same meeting, so the key names it.
        UUID id = key == null ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(("create-meeting:" + key).getBytes(StandardCharsets.UTF_8));
        return send(id, key, required(body)).map(response -> created("/api/meetings/" + id, response));
    }

    @GET
    public Uni<List<MeetingSummary>> list() {
        return Panache.withSession(() -> MeetingRow.<MeetingRow>list("order by createdAt desc"))
                .map(rows -> rows.stream().map(r -> new MeetingSummary(r.id, r.title, r.phase, r.scheduledStart,
                        r.createdAt, r.updatedAt)).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<MeetingResponse> get(@PathParam("id") UUID id) {
        return store.load(id).map(meeting -> {
            if (!meeting.exists()) {
                throw ProblemException.of(Rejection.Reason.NOT_FOUND.rejection());
            }
            return response(id, meeting, null);
        });
    }

    @PUT
    @Path("/{id}")
    public Uni<MeetingResponse> updateDetails(@PathParam("id") UUID id, Command.UpdateDetails body,
                                              @HeaderParam("Idempotency-Key") String key) {
        return send(id, key, required(body));
    }

    @PUT
    @Path("/{id}/house-rules")
    public Uni<MeetingResponse> setHouseRules(@PathParam("id") UUID id, Command.SetHouseRules body,
                                              @HeaderParam("Idempotency-Key") String key) {
        return send(id, key, required(body));
    }

    @POST
    @Path("/{id}/themes")
    public Uni<RestResponse<MeetingResponse>> addTheme(@PathParam("id") UUID id, ThemeBody body,
                                                       @HeaderParam("Idempotency-Key") String key) {
        ThemeBody b = required(body);
        return send(id, key, new Command.AddTheme(b.title(), b.centralQuestion(), b.minutes()))
                .map(r -> created("/api/meetings/" + id + "/themes/" + r.createdId(), r));
    }

    @PUT
    @Path("/{id}/themes/{themeId}")
    public Uni<MeetingResponse> editTheme(@PathParam("id") UUID id, @PathParam("themeId") String themeId,
                                          ThemeBody body, @HeaderParam("Idempotency-Key") String key) {
        ThemeBody b = required(body);
        return send(id, key, new Command.EditTheme(themeId, b.title(), b.centralQuestion(), b.minutes()));
    }

    @PUT
    @Path("/{id}/themes/{themeId}/position")
    public Uni<MeetingResponse> moveTheme(@PathParam("id") UUID id, @PathParam("themeId") String themeId,
                                          PositionBody body, @HeaderParam("Idempotency-Key") String key) {
        return send(id, key, new Command.MoveTheme(themeId, required(body).position()));
    }

    @DELETE
    @Path("/{id}/themes/{themeId}")
    public Uni<MeetingResponse> removeTheme(@PathParam("id") UUID id, @PathParam("themeId") String themeId,
                                            @HeaderParam("Idempotency-Key") String key) {
        return send(id, key, new Command.RemoveTheme(themeId));
    }

    @POST
    @Path("/{id}/participants")
    public Uni<RestResponse<MeetingResponse>> addParticipant(@PathParam("id") UUID id, ParticipantBody body,
                                                             @HeaderParam("Idempotency-Key") String key) {
        ParticipantBody b = required(body);
        return send(id, key, new Command.AddParticipant(b.pseudonym(), b.seat(), b.briefed()))
                .map(r -> created("/api/meetings/" + id + "/participants/" + r.createdId(), r));
    }

    @PUT
    @Path("/{id}/participants/{participantId}")
    public Uni<MeetingResponse> editParticipant(@PathParam("id") UUID id, @PathParam("participantId") String participantId,
                                                ParticipantBody body, @HeaderParam("Idempotency-Key") String key) {
        ParticipantBody b = required(body);
        return send(id, key, new Command.EditParticipant(participantId, b.pseudonym(), b.seat(), b.briefed()));
    }

    @DELETE
    @Path("/{id}/participants/{participantId}")
    public Uni<MeetingResponse> removeParticipant(@PathParam("id") UUID id,
                                                  @PathParam("participantId") String participantId,
                                                  @HeaderParam("Idempotency-Key") String key) {
        return send(id, key, new Command.RemoveParticipant(participantId));
    }

    @PUT
    @Path("/{id}/topics-open")
    public Uni<MeetingResponse> setTopicsOpen(@PathParam("id") UUID id, TopicsOpenBody body,
                                              @HeaderParam("Idempotency-Key") String key) {
        return send(id, key, new Command.SetTopicsOpen(required(body).open()));
    }

    @PUT
    @Path("/{id}/topics/{topicId}/status")
    public Uni<MeetingResponse> setTopicStatus(@PathParam("id") UUID id, @PathParam("topicId") String topicId,
                                               TopicStatusBody body, @HeaderParam("Idempotency-Key") String key) {
        return send(id, key, new Command.SetTopicStatus(topicId, required(body).status()));
    }

    private Uni<MeetingResponse> send(UUID id, String key, Command command) {
        return store.execute(id, Actor.MODERATOR, key, command).map(outcome -> switch (outcome) {
            case Outcome.Rejected rejected -> throw ProblemException.of(rejected.rejection());
            case Outcome.Applied applied -> response(id, applied.meeting(), createdId(applied));
        });
    }

    private MeetingResponse response(UUID id, Meeting meeting, String createdId) {
        return new MeetingResponse(id, meeting.seq(), createdId, Views.moderator(meeting, clock.instant()));
    }

    private static String createdId(Outcome.Applied applied) {
        for (var recorded : applied.events()) {
            switch (recorded.event()) {
                case Event.ThemeAdded e -> {
                    return e.themeId();
                }
                case Event.ParticipantAdded e -> {
                    return e.participantId();
                }
                default -> {
                }
            }
        }
        return null;
    }

    private static RestResponse<MeetingResponse> created(String location, MeetingResponse response) {
        return RestResponse.ResponseBuilder.<MeetingResponse>created(URI.create(location)).entity(response).build();
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new ProblemException(400, Rejection.invalid("body", "a JSON body is needed.", "er is JSON-inhoud nodig."));
        }
        return body;
    }
}
