package nl.spiegel.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.SpiegelConfig;
import nl.spiegel.live.Rooms;
import nl.spiegel.meeting.ActionStatus;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.NoteTag;
import nl.spiegel.meeting.Nullable;
import nl.spiegel.meeting.Phase;
import nl.spiegel.meeting.QuestionStatus;
import nl.spiegel.meeting.Report;
import nl.spiegel.meeting.Views;
import nl.spiegel.meeting.Debrief;

/**
 * Series of meetings: which meetings each holds, and the overview its organiser follows them in.
 * A series keeps a meeting after its erasure and reads what the archive kept of it. (Their
 * organisers' keys are the edge's, {@code access}.)
 */
@ApplicationScoped
public class SeriesService {

    @Inject
    Pool pool;

    @Inject
    Rooms rooms;

    @Inject
    Clock clock;

    @Inject
    SpiegelConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    FollowUpLinks links;

    @Inject
    NormRegister norms;

    public record Series(UUID id, String name, String description) {}

    public record ImprovementPoint(@Nullable String noteId, @Nullable String theme, String text) {}

    /** A note the report published: what a norm can be made from, with its source. */
    public record PublishedNote(String noteId, NoteTag tag, @Nullable String theme, String text) {}

    /**
     * A meeting of the series as its organiser follows it: what it published, its actions (with those
     * past their due date), its report's and letter's versions, its follow-up link and the norms it
     * evaluated. {@code erased}: only what the archive kept is left (no versions; the link while it works).
     *
     * @param notes            every note the last finalised report published, of every tag
     * @param conceptNorms     the concept service norms of the last finalised report
     * @param overdueActionIds the actions past their due date and not done, today in the server's time zone
     * @param evaluation       the participants' evaluation (from three answers on), for the trend across the series
     */
    public record MeetingLine(UUID id, String title, @Nullable String targetGroup, Phase phase, @Nullable Instant date,
                              List<ImprovementPoint> improvementPoints, List<Meeting.Action> actions, boolean erased,
                              List<String> themes, int reportVersions, int letterVersions, @Nullable String followUpLink,
                              int normsEvaluated, int overdue, List<OpenQuestion> unasked, List<PublishedNote> notes,
                              List<String> conceptNorms, List<String> overdueActionIds, Debrief.EvaluationView evaluation) {}

    /**
     * A clarifying question that was accepted but not asked in time: it is answered in writing after
     * the meeting ({@code answer} once written), in the report and on the follow-up page.
     */
    public record OpenQuestion(String id, String text, @Nullable String answer) {}

    public record Overview(UUID id, String name, @Nullable String description, List<MeetingLine> meetings,
                           Map<ActionStatus, Integer> actionsByStatus, int overdue, List<NormRegister.Norm> norms) {}

    /** The series with its meetings side by side, and its register of norms. */
    public Uni<Overview> overview(UUID seriesId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), config.timeZone());
        return find(seriesId).chain(s -> meetings(seriesId)
                .chain(ids -> Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(id -> line(id, today))
                        .collect().asList())
                .chain(lines -> norms.of(seriesId).map(register -> summarise(s, lines, register))));
    }

    private static Overview summarise(Series s, List<MeetingLine> lines, List<NormRegister.Norm> register) {
        Map<ActionStatus, Integer> byStatus = new EnumMap<>(ActionStatus.class);
        EnumSet.allOf(ActionStatus.class).forEach(status -> byStatus.put(status, 0));
        lines.forEach(line -> line.actions().forEach(a -> byStatus.merge(a.status(), 1, Integer::sum)));
        int overdue = lines.stream().mapToInt(MeetingLine::overdue).sum();
        return new Overview(s.id(), s.name(), s.description(), lines, byStatus, overdue, register);
    }

    /** One meeting's line: from its state, or after its erasure from its archive. */
    private Uni<MeetingLine> line(UUID id, LocalDate today) {
        return rooms.meeting(id).chain(m -> links.current(id).chain(link -> m.exists()
                ? Uni.createFrom().item(fromState(id, m, link, today))
                : fromArchive(id, link, today)));
    }

    private static MeetingLine fromState(UUID id, Meeting m, FollowUpLinks.Link link, LocalDate today) {
        Set<String> published = Report.publishedNoteIds(m);
        List<ImprovementPoint> points = m.notes().stream()
                .filter(n -> n.tag() == NoteTag.IMPROVEMENT_POINT && published.contains(n.id()))
                .map(n -> new ImprovementPoint(n.id(), m.theme(n.themeId()).map(Meeting.Theme::title).orElse(null), n.text()))
                .toList();
        List<Meeting.Action> actions = m.actions().stream().filter(a -> published.contains(a.noteId())).toList();
        List<PublishedNote> notes = m.notes().stream().filter(n -> published.contains(n.id()))
                .map(n -> new PublishedNote(n.id(), n.tag(), m.theme(n.themeId()).map(Meeting.Theme::title).orElse(null), n.text()))
                .toList();
        return new MeetingLine(id, m.details().title(), m.details().targetGroup(), m.phase(),
                m.openedAt() != null ? m.openedAt() : m.details().scheduledStart(), points, actions, false,
                m.guide().stream().map(Meeting.Theme::title).toList(), m.reports().size(), m.followUp().letters().size(),
                link == null ? null : "/followup/" + link.token(),
                (int) m.norms().checks().stream().filter(c -> c.verdict() != null).count(),
                (int) actions.stream().filter(a -> a.overdue(today)).count(),
                m.phase() != Phase.ENDED ? List.of() : m.questionQueue().stream().map(q -> m.question(q).orElseThrow())
                        .filter(q -> q.status() == QuestionStatus.ACCEPTED)
                        .map(q -> new OpenQuestion(q.id(), q.text(), q.answer())).toList(),
                notes, m.reports().isEmpty() ? List.of() : m.reports().getLast().serviceNorms(), overdue(actions, today),
                Debrief.evaluation(m.debrief().evaluations()));
    }

    private static List<String> overdue(List<Meeting.Action> actions, LocalDate today) {
        return actions.stream().filter(a -> a.overdue(today)).map(Meeting.Action::id).toList();
    }

    private Uni<MeetingLine> fromArchive(UUID id, FollowUpLinks.Link link, LocalDate today) {
        return pool.preparedQuery("select title, target_group, ended_at, " + ARCHIVED_JSON.formatted("improvement_points")
                        + ", " + ARCHIVED_JSON.formatted("actions") + ", public_page::text from meeting_archive where meeting_id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return new MeetingLine(id, "", null, Phase.ENDED, null, List.of(), List.of(), true, List.of(), 0, 0,
                                null, 0, 0, List.of(), List.of(), List.of(), List.of(), Debrief.evaluation(List.of()));
                    }
                    Row row = rows.iterator().next();
                    List<ImprovementPoint> points = read(row.getString(3), new TypeReference<List<Map<String, String>>>() {})
                            .stream().map(p -> new ImprovementPoint(null, blankToNull(p.get("theme")), p.get("text"))).toList();
                    List<Meeting.Action> actions = read(row.getString(4), new TypeReference<List<Meeting.Action>>() {});
                    List<String> themes = row.getString(5) == null ? List.of()
                            : read(row.getString(5), new TypeReference<Views.FollowUpView>() {}).asked().stream()
                                    .map(Views.Asked::title).toList();
                    return new MeetingLine(id, row.getString(0), row.getString(1), Phase.ENDED,
                            row.getOffsetDateTime(2) == null ? null : row.getOffsetDateTime(2).toInstant(), points, actions, true,
                            themes, 0, 0, link == null || row.getString(5) == null ? null : "/followup/" + link.token(), 0,
                            (int) actions.stream().filter(a -> a.overdue(today)).count(), List.of(), List.of(), List.of(),
                            overdue(actions, today), Debrief.evaluation(List.of()));
                });
    }

    /** Archives written before they were cast from text hold their JSON as one JSON string: unwrapped here. */
    private static final String ARCHIVED_JSON = "case when jsonb_typeof(%1$s) = 'string' then %1$s #>> '{}' else %1$s::text end";

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An archived meeting cannot be read", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
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

    /** The series' meetings, the erased ones too, in the order they were held. */
    public Uni<List<UUID>> meetings(UUID seriesId) {
        return pool.preparedQuery("select s.meeting_id from series_meeting s left join meeting m on m.id = s.meeting_id"
                        + " left join meeting_archive a on a.meeting_id = s.meeting_id where s.series_id = $1"
                        + " order by coalesce(m.created_at, a.ended_at, a.erased_at), s.meeting_id").execute(Tuple.of(seriesId))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID(0)));
                    return ids;
                });
    }
}
