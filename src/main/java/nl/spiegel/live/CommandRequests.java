package nl.spiegel.live;

import java.net.URI;
import java.util.UUID;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.meeting.Command;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.store.Caller;
import nl.spiegel.store.Outcome;

/**
 * The command of a REST request to a meeting, sent as the caller whose key the request carries:
 * applied once per {@code Idempotency-Key} header and answered with its first result, a rejection
 * thrown as {@link nl.spiegel.meeting.Refused} (the edge answers it as problem JSON). Resources call
 * this and stay free of keys and headers.
 */
@ApplicationScoped
public class CommandRequests {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest request;

    @Inject
    Rooms rooms;

    public Uni<Outcome.Applied> send(UUID meetingId, Command command) {
        return rooms.execute(meetingId, Caller.sender(identity), idempotencyKey(), command, null).map(outcome -> switch (outcome) {
            case Outcome.Rejected rejected -> throw rejected.rejection().refused();
            case Outcome.Applied applied -> applied;
        });
    }

    /** The client's id for this request, so that a retry is applied once; {@code null} when it sent none. */
    public String idempotencyKey() {
        return request.getHeader(IDEMPOTENCY_KEY);
    }

    /** The request's body, or a clear 400 when it sent none. */
    public static <T> T required(T body) {
        if (body == null) {
            throw Rejection.invalid("body", new Rejection.Detail.BodyNeeded()).refused();
        }
        return body;
    }

    /**
     * 201 Created with where the made thing can be fetched: a path under the REST root ({@code /api}),
     * without that root, since JAX-RS resolves a relative location against the application's base.
     */
    public static <T> RestResponse<T> created(String path, T entity) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(path)).entity(entity).build();
    }
}
