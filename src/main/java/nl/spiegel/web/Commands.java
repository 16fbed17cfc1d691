package nl.spiegel.web;

import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.access.Caller;
import nl.spiegel.meeting.Command;
import nl.spiegel.store.EventStore;
import nl.spiegel.store.Outcome;

/**
 * Sends the command of a REST request to a meeting, as the caller whose key the request carries:
 * applied once per {@code Idempotency-Key} header and answered with its first result, a rejection
 * as problem JSON. Resources call this and stay free of keys and headers.
 */
@ApplicationScoped
public class Commands {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest request;

    @Inject
    EventStore store;

    public Uni<Outcome.Applied> send(UUID meetingId, Command command) {
        return store.execute(meetingId, Caller.sender(identity), idempotencyKey(), command).map(outcome -> switch (outcome) {
            case Outcome.Rejected rejected -> throw ProblemException.of(rejected.rejection());
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
            throw ProblemException.invalid("body", Texts::bodyNeeded);
        }
        return body;
    }
}
