package nl.spiegel.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.meeting.NormStatus;
import nl.spiegel.meeting.NormVerdict;
import nl.spiegel.meeting.Nullable;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Role;

/**
 * The register of service norms of a series: each norm with its status, every change (when, by
 * which role, from which meeting, a verdict where a meeting evaluated it) and what it was made from.
 * It is kept in plain tables beside the series, as the series itself is, and outlives the meetings
 * that fed it: they are named by id and title. Bounded: {@value #MAX_NORMS} norms a series,
 * {@value #MAX_CHANGES} changes a norm, {@value #MAX_SOURCES} sources a norm.
 */
@ApplicationScoped
public class NormRegister {

    public static final int MAX_NORMS = 200;
    public static final int MAX_CHANGES = 200;
    public static final int MAX_SOURCES = 20;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /** A norm with its history, oldest change first, and its sources. */
    /** @param canBecome the statuses the organiser may take it to now, in their order */
    public record Norm(UUID id, UUID seriesId, String text, NormStatus status, Instant createdAt, @Nullable UUID carriedFrom,
                       List<Change> history, List<Source> sources, List<NormStatus> canBecome) {}

    /** A change of a norm: its status and wording after it, and, for a verdict, the meeting that gave it. */
    public record Change(Instant at, Role role, NormStatus status, String text, @Nullable UUID meetingId,
                         @Nullable String meetingTitle, @Nullable NormVerdict verdict, @Nullable String note) {}

    /** What a norm was made from: a published improvement point, wish, strength or quote, or a report's concept norm. */
    public record Source(UUID meetingId, String meetingTitle, String kind, String text) {}

    public Uni<List<Norm>> of(UUID seriesId) {
        return read(pool, "select id, series_id, text, status, created_at, carried_from from service_norm"
                + " where series_id = $1 order by created_at, id", Tuple.of(seriesId));
    }

    /** The norm of this series, or a refusal naming it. */
    public Uni<Norm> find(UUID seriesId, UUID normId) {
        return read(pool, "select id, series_id, text, status, created_at, carried_from from service_norm"
                + " where series_id = $1 and id = $2", Tuple.of(seriesId, normId))
                .map(norms -> norms.stream().findFirst().orElseThrow(() -> Rejection.Reason.UNKNOWN_NORM.about("normId").refused()));
    }

    /** The series that hold a meeting, for the norms it may evaluate. */
    public Uni<List<UUID>> seriesOf(UUID meetingId) {
        return pool.preparedQuery("select series_id from series_meeting where meeting_id = $1").execute(Tuple.of(meetingId))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID(0)));
                    return ids;
                });
    }

    /** A new norm in a series, as a concept (or, carried from another series, in the status it had there). */
    public Uni<Norm> create(UUID seriesId, String text, NormStatus status, Role role, List<Source> sources, UUID carriedFrom) {
        UUID id = UUID.randomUUID();
        Instant now = now();
        return pool.withTransaction(c -> c.preparedQuery("select count(*) from service_norm where series_id = $1")
                        .execute(Tuple.of(seriesId))
                        .invoke(rows -> {
                            if (rows.iterator().next().getLong(0) >= MAX_NORMS) {
                                throw new Rejection(Rejection.Reason.NORMS_FULL, null, new Rejection.Detail.AtMost(MAX_NORMS)).refused();
                            }
                        })
                        .chain(() -> c.preparedQuery("insert into service_norm (id, series_id, text, status, created_at, carried_from)"
                                + " values ($1, $2, $3, $4, $5, $6)").execute(Tuple.from(Arrays.asList(id, seriesId, text,
                                status.name(), utc(now), carriedFrom))))
                        .chain(() -> change(c, id, 1, new Change(now, role, status, text, null, null, null, null)))
                        .chain(() -> sources(c, id, sources)))
                .chain(() -> find(seriesId, id));
    }

    /**
     * A change of status, and of wording where it is revised (or, for a concept, corrected). The
     * steps are the norm's ({@link NormStatus#next()}); a revision needs new wording.
     */
    public Uni<Norm> change(UUID seriesId, UUID normId, NormStatus to, String text, Role role) {
        return find(seriesId, normId).chain(norm -> {
            String wording = text == null ? norm.text() : text;
            boolean edit = to == norm.status() && to == NormStatus.CONCEPT && !wording.equals(norm.text());
            if (!edit && !norm.status().next().contains(to)) {
                throw new Rejection(Rejection.Reason.INVALID, "status", new Rejection.Detail.OneOf(
                        norm.status().next().stream().map(Enum::name).toList())).refused();
            }
            if (to == NormStatus.REVISED && wording.equals(norm.text())) {
                throw Rejection.invalid("text", new Rejection.Detail.Needed()).refused();
            }
            return pool.withTransaction(c -> locked(c, normId)
                    .chain(n -> c.preparedQuery("update service_norm set status = $2, text = $3 where id = $1")
                            .execute(Tuple.of(normId, to.name(), wording))
                            .chain(() -> change(c, normId, n + 1, new Change(now(), role, to, wording, null, null, null, null)))))
                    .chain(() -> find(seriesId, normId));
        });
    }

    /**
     * A meeting's verdict on a norm, in the transaction of the command that gave it: the change names
     * the meeting, and an adopted norm is now measured. A norm no longer in any register is left be.
     */
    public Uni<Void> verdict(SqlConnection c, UUID normId, UUID meetingId, String meetingTitle, NormVerdict verdict, String note) {
        return c.preparedQuery("select status, text from service_norm where id = $1 for update").execute(Tuple.of(normId))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().voidItem();
                    }
                    Row row = rows.iterator().next();
                    NormStatus status = NormStatus.valueOf(row.getString(0)).afterVerdict();
                    String text = row.getString(1);
                    return locked(c, normId).chain(n -> c.preparedQuery("update service_norm set status = $2 where id = $1")
                            .execute(Tuple.of(normId, status.name()))
                            .chain(() -> change(c, normId, n + 1,
                                    new Change(now(), Role.MODERATOR, status, text, meetingId, meetingTitle, verdict, note))));
                });
    }

    /** The last change's number, with the norm locked so that changes of one norm take turns. */
    private Uni<Integer> locked(SqlConnection c, UUID normId) {
        return c.preparedQuery("select 1 from service_norm where id = $1 for update").execute(Tuple.of(normId))
                .chain(() -> c.preparedQuery("select coalesce(max(n), 0) from service_norm_change where norm_id = $1")
                        .execute(Tuple.of(normId)))
                .map(rows -> rows.iterator().next().getInteger(0))
                .invoke(n -> {
                    if (n >= MAX_CHANGES) {
                        throw new Rejection(Rejection.Reason.INVALID, "normId", new Rejection.Detail.AtMost(MAX_CHANGES)).refused();
                    }
                });
    }

    private Uni<Void> change(SqlConnection c, UUID normId, int n, Change change) {
        return c.preparedQuery("insert into service_norm_change (norm_id, n, at, role, status, text, meeting_id, meeting_title,"
                        + " verdict, note) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .execute(Tuple.from(Arrays.asList(normId, n, utc(change.at()), change.role().name(),
                        change.status().name(), change.text(), change.meetingId(), change.meetingTitle(),
                        change.verdict() == null ? null : change.verdict().name(), change.note())))
                .replaceWithVoid();
    }

    private Uni<Void> sources(SqlConnection c, UUID normId, List<Source> sources) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            int n = i + 1;
            all = all.chain(() -> c.preparedQuery("insert into service_norm_source (norm_id, n, meeting_id, meeting_title, kind, text)"
                    + " values ($1, $2, $3, $4, $5, $6)").execute(Tuple.of(normId, n, s.meetingId(), s.meetingTitle(), s.kind(), s.text()))
                    .replaceWithVoid());
        }
        return all;
    }

    /** Norms with their changes and sources, in three queries whatever their number. */
    private Uni<List<Norm>> read(Pool client, String sql, Tuple arguments) {
        return client.preparedQuery(sql).execute(arguments).chain(rows -> {
            Map<UUID, Row> norms = new LinkedHashMap<>();
            rows.forEach(row -> norms.put(row.getUUID(0), row));
            if (norms.isEmpty()) {
                return Uni.createFrom().item(List.<Norm>of());
            }
            UUID[] ids = norms.keySet().toArray(UUID[]::new);
            Uni<Map<UUID, List<Change>>> changes = client.preparedQuery("select norm_id, at, role, status, text, meeting_id,"
                            + " meeting_title, verdict, note from service_norm_change where norm_id = any($1) order by norm_id, n")
                    .execute(Tuple.of(ids)).map(found -> {
                        Map<UUID, List<Change>> byNorm = new LinkedHashMap<>();
                        found.forEach(r -> byNorm.computeIfAbsent(r.getUUID(0), k -> new ArrayList<>()).add(new Change(
                                r.getOffsetDateTime(1).toInstant(), Role.valueOf(r.getString(2)), NormStatus.valueOf(r.getString(3)),
                                r.getString(4), r.getUUID(5), r.getString(6),
                                r.getString(7) == null ? null : NormVerdict.valueOf(r.getString(7)), r.getString(8))));
                        return byNorm;
                    });
            Uni<Map<UUID, List<Source>>> sources = client.preparedQuery("select norm_id, meeting_id, meeting_title, kind, text"
                            + " from service_norm_source where norm_id = any($1) order by norm_id, n")
                    .execute(Tuple.of(ids)).map(found -> {
                        Map<UUID, List<Source>> byNorm = new LinkedHashMap<>();
                        found.forEach(r -> byNorm.computeIfAbsent(r.getUUID(0), k -> new ArrayList<>())
                                .add(new Source(r.getUUID(1), r.getString(2), r.getString(3), r.getString(4))));
                        return byNorm;
                    });
            return Uni.combine().all().unis(changes, sources).asTuple().map(both -> norms.values().stream()
                    .map(r -> new Norm(r.getUUID(0), r.getUUID(1), r.getString(2), NormStatus.valueOf(r.getString(3)),
                            r.getOffsetDateTime(4).toInstant(), r.getUUID(5),
                            List.copyOf(both.getItem1().getOrDefault(r.getUUID(0), List.of())),
                            List.copyOf(both.getItem2().getOrDefault(r.getUUID(0), List.of())),
                            List.copyOf(NormStatus.valueOf(r.getString(3)).next())))
                    .toList());
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
