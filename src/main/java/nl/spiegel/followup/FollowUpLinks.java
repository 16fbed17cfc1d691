package nl.spiegel.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.meeting.Nullable;
import nl.spiegel.store.Secrets;

/**
 * The links to a meeting's public follow-up page. A meeting has at most one that works; a new one
 * revokes the one before. The token is kept as it is: the link is read-only and printed on the letter
 * again and again. A meeting keeps the last {@value #KEPT} links it had, so that a revoked one still
 * answers that it is gone.
 */
@ApplicationScoped
public class FollowUpLinks {

    static final int KEPT = 10;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    public record Link(String token, UUID meetingId, Instant createdAt, @Nullable Instant revokedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** The link that works now, or {@code null}. */
    public Uni<Link> current(UUID meetingId) {
        return pool.preparedQuery("select token, meeting_id, created_at, revoked_at from followup_link"
                        + " where meeting_id = $1 and revoked_at is null").execute(Tuple.of(meetingId))
                .map(rows -> rows.iterator().hasNext() ? link(rows.iterator().next()) : null);
    }

    /** Any link by its token, revoked or not; {@code null} for one that never was (or is long gone). */
    public Uni<Link> find(String token) {
        if (token == null || token.length() > 100) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery("select token, meeting_id, created_at, revoked_at from followup_link where token = $1")
                .execute(Tuple.of(token)).map(rows -> rows.iterator().hasNext() ? link(rows.iterator().next()) : null);
    }

    /** A new link; the one before stops working at once. */
    public Uni<Link> renew(UUID meetingId) {
        String token = Secrets.newKey();
        Instant now = clock.instant();
        return pool.withTransaction(c -> c.preparedQuery("update followup_link set revoked_at = $2 where meeting_id = $1"
                        + " and revoked_at is null").execute(Tuple.of(meetingId, now.atOffset(ZoneOffset.UTC)))
                .chain(() -> c.preparedQuery("insert into followup_link (token, meeting_id, created_at) values ($1, $2, $3)")
                        .execute(Tuple.of(token, meetingId, now.atOffset(ZoneOffset.UTC))))
                .chain(() -> c.preparedQuery("delete from followup_link where meeting_id = $1 and token not in"
                        + " (select token from followup_link where meeting_id = $1 order by created_at desc limit " + KEPT + ")")
                        .execute(Tuple.of(meetingId))))
                .replaceWith(new Link(token, meetingId, now, null));
    }

    /** The link that works stops working: its page answers that it is gone, its live connections close. */
    public Uni<Void> revoke(UUID meetingId) {
        return pool.preparedQuery("update followup_link set revoked_at = $2 where meeting_id = $1 and revoked_at is null")
                .execute(Tuple.of(meetingId, clock.instant().atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    /** Of these key hashes, those of links to the meeting that still work. */
    public Uni<Set<String>> valid(UUID meetingId, Set<String> hashes) {
        return current(meetingId).map(link -> {
            Set<String> valid = new HashSet<>();
            if (link != null && hashes.contains(Secrets.hash(link.token()))) {
                valid.add(Secrets.hash(link.token()));
            }
            return valid;
        });
    }

    private static Link link(Row row) {
        return new Link(row.getString(0), row.getUUID(1), row.getOffsetDateTime(2).toInstant(),
                row.getOffsetDateTime(3) == null ? null : row.getOffsetDateTime(3).toInstant());
    }
}
