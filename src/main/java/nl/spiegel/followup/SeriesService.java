package nl.spiegel.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.ActionStatus;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.NoteTag;
import nl.spiegel.meeting.Nullable;
import nl.spiegel.meeting.Phase;
import nl.spiegel.meeting.Report;

/** Series of meetings: which meetings each holds. (Their organisers' keys are the edge's, {@code access}.) */
@ApplicationScoped
public class SeriesService {

    @Inject
    Pool pool;

    @Inject
    Rooms rooms;

    @Inject
    Clock clock;

    public record Series(UUID id, String name, String description) {}

    public record ImprovementPoint(String noteId, @Nullable String theme, String text) {}

    public record MeetingLine(UUID id, String title, @Nullable String targetGroup, Phase phase, @Nullable Instant date,
                              List<ImprovementPoint> improvementPoints, List<Meeting.Action> actions) {}

    public record Overview(UUID id, String name, @Nullable String description, List<MeetingLine> meetings,
                           Map<ActionStatus, Integer> actionsByStatus) {}

    /** The series with its meetings side by side. */
    public Uni<Overview> overview(UUID seriesId) {
        return find(seriesId).chain(s -> meetings(seriesId).chain(ids -> ids.isEmpty()
                ? Uni.createFrom().item(summarise(s, ids, List.of()))
                : Uni.join().all(ids.stream().map(rooms::meeting).toList()).andFailFast().map(meetings -> summarise(s, ids, meetings))));
    }

    private static Overview summarise(SeriesService.Series s, List<UUID> ids, List<Meeting> meetings) {
        List<MeetingLine> lines = new ArrayList<>();
        Map<ActionStatus, Integer> byStatus = new EnumMap<>(ActionStatus.class);
        EnumSet.allOf(ActionStatus.class).forEach(status -> byStatus.put(status, 0));
        for (int i = 0; i < meetings.size(); i++) {
            Meeting m = meetings.get(i);
            Set<String> published = Report.publishedNoteIds(m);
            List<ImprovementPoint> points = m.notes().stream()
                    .filter(n -> n.tag() == NoteTag.IMPROVEMENT_POINT && published.contains(n.id()))
                    .map(n -> new ImprovementPoint(n.id(), m.theme(n.themeId()).map(Meeting.Theme::title).orElse(null), n.text()))
                    .toList();
            List<Meeting.Action> actions = m.actions().stream().filter(a -> published.contains(a.noteId())).toList();
            actions.forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
            lines.add(new MeetingLine(ids.get(i), m.details().title(), m.details().targetGroup(), m.phase(),
                    m.openedAt() != null ? m.openedAt() : m.details().scheduledStart(), points, actions));
        }
        return new Overview(s.id(), s.name(), s.description(), lines, byStatus);
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
