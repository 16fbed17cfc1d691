package nl.spiegel.followup;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.NormStatus;
import nl.spiegel.meeting.NormVerdict;
import nl.spiegel.meeting.Nullable;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Views;

/**
 * The follow-up page of a meeting, "what was done with your input": read-only, for the participants
 * and the client council, opened with a link of its own that its moderators and the series'
 * organiser make, renew and revoke ({@link FollowUpLinkResource}). It shows the meeting's public part ({@link Views#followUp}) and the
 * service norms of its series that came from it or were evaluated in it; after the meeting's erasure,
 * the public part as the archive kept it. A revoked link answers 410.
 */
@Path("/followup")
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    @Inject
    FollowUpLinks links;

    @Inject
    NormRegister register;

    @Inject
    Rooms rooms;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /**
     * The page: the meeting's public part, and the norms of its series that came from it or that it
     * evaluated, with their status and this meeting's verdict. {@code live} when the meeting still
     * exists: its changes can be followed on {@code /live/{meetingId}} with the token as the key.
     */
    public record FollowUpPage(UUID meetingId, boolean live, Views.FollowUpView page, List<PublicNorm> norms) {}

    public record PublicNorm(String text, NormStatus status, @Nullable NormVerdict verdict) {}

    @GET
    @Path("/{token}")
    @PermitAll
    @Operation(operationId = "getFollowUpPage")
    public Uni<FollowUpPage> page(@PathParam("token") String token) {
        return links.find(token).chain(link -> {
            if (link == null) {
                throw Rejection.Reason.NOT_FOUND.about("token").refused();
            }
            if (link.revoked()) {
                throw Rejection.Reason.GONE.about("token").refused();
            }
            UUID meetingId = link.meetingId();
            return rooms.meeting(meetingId).chain(m -> m.exists()
                            ? Uni.createFrom().item(new FollowUpPage(meetingId, true, Views.followUp(m, clock.instant()), List.of()))
                            : archived(meetingId))
                    .chain(page -> norms(meetingId).map(norms -> new FollowUpPage(meetingId, page.live(), page.page(), norms)));
        });
    }

    /** The public part an erased meeting's archive kept; gone when nothing was kept. */
    private Uni<FollowUpPage> archived(UUID meetingId) {
        return pool.preparedQuery("select public_page::text from meeting_archive where meeting_id = $1").execute(Tuple.of(meetingId))
                .map(rows -> {
                    String page = rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null;
                    if (page == null) {
                        throw Rejection.Reason.GONE.about("token").refused();
                    }
                    try {
                        return new FollowUpPage(meetingId, false, json.readValue(page, Views.FollowUpView.class), List.of());
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("An archived follow-up page cannot be read", e);
                    }
                });
    }

    /** The norms of the meeting's series that came from it or that it evaluated. */
    private Uni<List<PublicNorm>> norms(UUID meetingId) {
        return register.seriesOf(meetingId).chain(seriesIds -> Multi.createFrom().iterable(seriesIds)
                .onItem().transformToUniAndConcatenate(register::of).collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream)
                        .filter(n -> n.sources().stream().anyMatch(s -> s.meetingId().equals(meetingId))
                                || n.history().stream().anyMatch(c -> meetingId.equals(c.meetingId())))
                        .map(n -> new PublicNorm(n.text(), n.status(), n.history().stream()
                                .filter(c -> meetingId.equals(c.meetingId()) && c.verdict() != null)
                                .map(NormRegister.Change::verdict).filter(Objects::nonNull).reduce((a, b) -> b).orElse(null)))
                        .toList()));
    }
}
