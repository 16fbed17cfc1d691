package nl.spiegel.followup;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.store.Secrets;

/**
 * The link on the participants' evaluation card, one per meeting. Whoever has a card may answer;
 * the token says nothing about who holds it, and an answer names no seat or pseudonym.
 */
@ApplicationScoped
public class EvaluationCards {

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /** The meeting's card token, made the first time it is asked for. */
    public Uni<String> token(UUID meetingId) {
        return pool.preparedQuery("insert into evaluation_card (token, meeting_id, created_at) values ($1, $2, $3)"
                        + " on conflict (meeting_id) do nothing")
                .execute(Tuple.of(Secrets.newKey(), meetingId, clock.instant().atOffset(ZoneOffset.UTC)))
                .chain(() -> pool.preparedQuery("select token from evaluation_card where meeting_id = $1").execute(Tuple.of(meetingId)))
                .map(rows -> rows.iterator().next().getString(0));
    }

    /** The meeting a card's token belongs to; {@code null} for none. */
    public Uni<UUID> meeting(String token) {
        if (token == null || token.length() > 100) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery("select meeting_id from evaluation_card where token = $1").execute(Tuple.of(token))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getUUID(0) : null);
    }
}
