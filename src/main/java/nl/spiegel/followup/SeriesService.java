package nl.spiegel.followup;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.web.CreateRequests;
import nl.spiegel.access.Secrets;

/** Series of meetings and their organisers' keys (kept as hashes, like meeting keys). */
@ApplicationScoped
public class SeriesService {

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    CreateRequests creates;

    public record Series(UUID id, String name, String description) {}

    /** Creates a series; returns its organiser key, shown this once. */
    public Uni<String> create(UUID id, String name, String description, String idempotencyKey) {
        String key = Secrets.newKey();
        return pool.withTransaction(c -> creates.claim(c, CreateRequests.Kind.SERIES, idempotencyKey).chain(() -> c.preparedQuery("insert into series (id, name, description, created_at) values ($1, $2, $3, $4)")
                        .execute(Tuple.of(id, name, description, clock.instant().atOffset(ZoneOffset.UTC)))
                        .chain(() -> c.preparedQuery("insert into series_key (key_hash, series_id, created_at) values ($1, $2, $3)")
                                .execute(Tuple.of(Secrets.hash(key), id, clock.instant().atOffset(ZoneOffset.UTC))))))
                .replaceWith(key);
    }

    /** The series an organiser's key opens, or {@code null}. */
    public Uni<UUID> authenticate(String key) {
        return pool.preparedQuery("select series_id from series_key where key_hash = $1 and revoked_at is null")
                .execute(Tuple.of(Secrets.hash(key)))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getUUID(0) : null);
    }

    public Uni<Series> find(UUID seriesId) {
        return pool.preparedQuery("select id, name, description from series where id = $1").execute(Tuple.of(seriesId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Series(row.getUUID(0), row.getString(1), row.getString(2));
                });
    }

    /** Whether the series holds this meeting. */
    public Uni<Boolean> holds(UUID seriesId, UUID meetingId) {
        return pool.preparedQuery("select 1 from series_meeting where series_id = $1 and meeting_id = $2")
                .execute(Tuple.of(seriesId, meetingId)).map(rows -> rows.iterator().hasNext());
    }

    public Uni<Void> add(UUID seriesId, UUID meetingId) {
        return pool.preparedQuery("insert into series_meeting (series_id, meeting_id) values ($1, $2) on conflict do nothing")
                .execute(Tuple.of(seriesId, meetingId)).replaceWithVoid();
    }

    public Uni<List<UUID>> meetings(UUID seriesId) {
        return pool.preparedQuery("select m.meeting_id from series_meeting m join meeting x on x.id = m.meeting_id"
                        + " where m.series_id = $1 order by x.created_at").execute(Tuple.of(seriesId))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID(0)));
                    return ids;
                });
    }
}
