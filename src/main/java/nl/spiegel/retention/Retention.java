package nl.spiegel.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.SpiegelConfig;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.NoteTag;
import nl.spiegel.meeting.Report;
import nl.spiegel.meeting.Views;
import nl.spiegel.store.Notifications;

/**
 * Erasing meetings: when their retention period is over, or at once when the moderator asks. The
 * event stream goes, and with it the pseudonyms, notes, questions and keys; when the organisation
 * chose so, an anonymised summary stays (the published improvement points and the actions, no one
 * named, and the public part its follow-up page shows). A series keeps the meeting's id, to read that
 * summary; its norms keep naming the meetings they came from.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    @Inject
    Pool pool;

    @Inject
    Rooms rooms;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /** Days after its end a meeting is kept when its moderator chose no period. */
    @Inject
    SpiegelConfig config;

    /** Erases every meeting whose time is up; returns how many. */
    public Uni<Integer> eraseDue() {
        Instant now = clock.instant();
        // A meeting nobody ended is kept from its last event on: the newest row of its stream.
        return pool.preparedQuery("select id from meeting m where coalesce(ended_at, (select e.occurred_at from"
                        + " meeting_event e where e.meeting_id = m.id order by e.seq desc limit 1), created_at)"
                        + " + make_interval(days => coalesce(retention_days, $1)) <= $2"
                        // A rehearsal nobody ended is gone a day after it was made.
                        + " or (practice and created_at + interval '1 day' <= $2)")
                .execute(Tuple.of(config.retentionDays(), now.atOffset(ZoneOffset.UTC)))
                .chain(rows -> {
                    List<UUID> due = new ArrayList<>();
                    rows.forEach(row -> due.add(row.getUUID(0)));
                    Uni<Integer> erased = Uni.createFrom().item(0);
                    for (UUID id : due) {
                        erased = erased.chain(count -> erase(id).map(ignored -> count + 1));
                    }
                    return erased;
                })
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Erased %d meetings whose retention period was over", count);
                    }
                });
    }

    /** Erases one meeting now, keeping the anonymised summary if the organisation chose so (never of a rehearsal). */
    public Uni<Void> erase(UUID meetingId) {
        return rooms.meeting(meetingId).chain(m -> pool.withTransaction(c -> {
            Uni<?> archive = m.exists() && m.keepAnonymised() && !m.details().practice()
                    ? c.preparedQuery("insert into meeting_archive (meeting_id, title, target_group, ended_at,"
                            + " improvement_points, actions, erased_at, public_page)"
                            // As text, cast in the database: a string bound to jsonb would be kept as one JSON string.
                            + " values ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7, $8::text::jsonb)"
                            + " on conflict (meeting_id) do nothing")
                            .execute(Tuple.tuple().addUUID(meetingId).addString(m.details().title())
                                    .addString(m.reports().isEmpty() ? null : m.reports().getLast().targetGroup())
                                    .addOffsetDateTime(m.endedAt() == null ? null : m.endedAt().atOffset(ZoneOffset.UTC))
                                    .addString(improvementPoints(m)).addString(actions(m))
                                    .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC))
                                    .addString(write(Views.followUp(m, clock.instant()))))
                    : Uni.createFrom().voidItem();
            // The meeting row's foreign keys take its events, commands, keys, join code and series link with it.
            return archive.chain(() -> c.preparedQuery("delete from meeting where id = $1").execute(Tuple.of(meetingId)))
                    // Every node closes the meeting's connections and drops what it holds of it.
                    .chain(() -> c.preparedQuery("select pg_notify($1, $2)")
                            .execute(Tuple.of(Notifications.MEETING_ERASED, meetingId.toString())));
        })).invoke(() -> rooms.forget(meetingId)).chain(this::vacuum);
    }

    /**
     * Removes the erased rows from the tables' pages and indexes now, instead of whenever autovacuum
     * comes by, so that their text is no longer readable through PostgreSQL. A failure leaves that to
     * autovacuum; the erase itself has committed.
     */
    private Uni<Void> vacuum() {
        return pool.query("vacuum (analyze) meeting, meeting_event, meeting_command, access_key, join_code, series_meeting,"
                        + " evaluation_card")
                .execute().replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warn("Vacuum after an erase failed; autovacuum will do it later", failure);
                    return Uni.createFrom().voidItem();
                });
    }

    /** Forgets Idempotency-Keys of creates older than a day: a retry comes within minutes, not days. */
    public Uni<Integer> forgetOldCreateRequests() {
        return pool.preparedQuery("delete from create_request where created_at < $1")
                .execute(Tuple.of(clock.instant().minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }

    /** Only what the finalised report published is kept: never a private note, never a draft. */
    private String improvementPoints(Meeting m) {
        Set<String> published = Report.publishedNoteIds(m);
        return write(m.notes().stream().filter(n -> n.tag() == NoteTag.IMPROVEMENT_POINT && published.contains(n.id()))
                .map(n -> Map.of("theme", m.theme(n.themeId()).map(Meeting.Theme::title).orElse(""), "text", n.text()))
                .toList());
    }

    private String actions(Meeting m) {
        Set<String> published = Report.publishedNoteIds(m);
        return write(m.actions().stream().filter(a -> published.contains(a.noteId())).toList());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
