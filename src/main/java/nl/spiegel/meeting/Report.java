package nl.spiegel.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The report of a meeting: what clients need, by theme, with the participation and the clarifying
 * questions, and the moderator's summary, conclusions and concept service norms. A draft is made
 * from the meeting as it is; a finalised version is frozen in its event and never changes.
 * Participants appear by pseudonym only; listeners not at all.
 *
 * @param version    0 for the draft, 1, 2, ... for finalised versions
 * @param takeAways  what the listeners took home, as an appendix, when the organiser included it
 * @param evaluation how the participants found the meeting (shown from three answers on)
 */
public record Report(int version, @Nullable Instant finalizedAt, String language, String title, @Nullable String goal, @Nullable String targetGroup,
                     @Nullable Instant scheduledStart, @Nullable Instant openedAt, @Nullable Instant endedAt, int participants, int listeners,
                     List<ThemeSection> themes, SpeakingTime participation, List<QuestionLine> questions,
                     @Nullable String summary, @Nullable String conclusions, List<String> serviceNorms,
                     @Nullable String roundUp, List<NormLine> normsEvaluated,
                     @Nullable Debrief.TakeAwaysView takeAways, Debrief.EvaluationView evaluation) {

    /**
     * The notes of one theme (or, without title, of the meeting as a whole) by tag, and the listeners'
     * topics that were taken up in it.
     */
    public record ThemeSection(@Nullable String title, @Nullable String centralQuestion, List<String> strengths,
                               List<String> improvementPoints, List<String> wishes, List<String> quotes,
                               List<String> other, List<String> topics, @Nullable Preparation.SurveyScore survey) {

        boolean empty() {
            return strengths.isEmpty() && improvementPoints.isEmpty() && wishes.isEmpty() && quotes.isEmpty()
                    && other.isEmpty() && (topics == null || topics.isEmpty());
        }
    }

    /** A service norm of the series that the meeting evaluated, with the participants' verdict. */
    public record NormLine(String text, NormVerdict verdict, @Nullable String note) {}

    /**
     * Who spoke how much, as the report shows it. Unless the moderator chose to show names, the
     * shares carry no pseudonym or seat and run from the largest to the smallest: staff read how
     * evenly the time was spread, not who said little. {@code underHalf} participants had less than
     * half a fair share.
     */
    public record SpeakingTime(List<Share> shares, long participantsMs, @Nullable Double balanceIndex, @Nullable Double moderatorShare,
                               boolean byName, int underHalf) {}

    /** {@code pseudonym} is absent and {@code seat} 0 when the report shows no names. */
    public record Share(@Nullable String pseudonym, int seat, long speakingMs, int turns, double share) {}

    /** A question of the queue; {@code answer} is what was answered to it, when that was noted. */
    public record QuestionLine(String text, boolean answered, @Nullable String answer) {}

    /** What the moderator wrote and chose for the report. */
    public record Draft(@Nullable String summary, @Nullable String conclusions, List<String> serviceNorms, Set<String> excludedNoteIds,
                        boolean namesShown) {
        static final Draft EMPTY = new Draft(null, null, List.of(), Set.of(), false);
    }

    /**
     * The notes the last finalised version publishes, by id: what the organisation outside the room
     * (organisers, participants' letter, the archive) may see. None before a version is finalised;
     * a note changed since is not published until the report is finalised again.
     */
    public static Set<String> publishedNoteIds(Meeting m) {
        if (m.reports().isEmpty()) {
            return Set.of();
        }
        Report last = m.reports().getLast();
        Set<String> published = new java.util.HashSet<>();
        for (Meeting.Note note : m.notes()) {
            boolean in = last.themes().stream().anyMatch(section -> switch (note.tag()) {
                case STRENGTH -> section.strengths().contains(note.text());
                case IMPROVEMENT_POINT -> section.improvementPoints().contains(note.text());
                case WISH -> section.wishes().contains(note.text());
                case QUOTE -> section.quotes().contains(note.text());
                case OTHER -> section.other().contains(note.text());
            });
            if (in) {
                published.add(note.id());
            }
        }
        return Set.copyOf(published);
    }

    /**
     * What a letter to the participants may draw on: the last finalised version, or before there is
     * one, only the meeting's title and dates (nothing anyone wrote during it).
     */
    public static Report forLetter(Meeting m) {
        if (!m.reports().isEmpty()) {
            return m.reports().getLast();
        }
        Report draft = of(m, Draft.EMPTY, 0, null);
        return new Report(0, null, draft.language(), draft.title(), null, null, draft.scheduledStart(), draft.openedAt(),
                draft.endedAt(), draft.participants(), draft.listeners(), List.of(), draft.participation(), List.of(),
                null, null, List.of(), null, List.of(), null, Debrief.evaluation(List.of()));
    }

    /** The report as the meeting stands now, as version {@code version}. */
    public static Report of(Meeting m, Draft draft, int version, Instant finalizedAt) {
        List<ThemeSection> themes = new ArrayList<>();
        for (Meeting.Theme theme : m.guide()) {
            themes.add(section(m, draft, theme.id(), theme.title(), theme.centralQuestion()));
        }
        ThemeSection general = section(m, draft, null, null, null);
        if (!general.empty()) {
            themes.add(general);
        }
        Participation p = Participation.of(m, m.lastAt());
        boolean byName = draft.namesShown();
        List<Share> shares = p.participants().stream()
                .map(e -> byName ? new Share(e.pseudonym(), e.seat(), e.speakingTime().toMillis(), e.turns(), e.share())
                        : new Share(null, 0, e.speakingTime().toMillis(), e.turns(), e.share()))
                .sorted(byName ? Comparator.comparingInt(Share::seat) : Comparator.comparingDouble(Share::share).reversed()).toList();
        int underHalf = (int) p.participants().stream()
                .filter(e -> e.fairShare() > 0 && e.share() < Participation.UNDER_FAIR * e.fairShare()).count();
        List<QuestionLine> questions = m.questionQueue().stream().map(id -> m.question(id).orElseThrow())
                .map(q -> new QuestionLine(q.text(), q.status() == QuestionStatus.ANSWERED, q.answer())).toList();
        Meeting.Details d = m.details();
        return new Report(version, finalizedAt, d.language(), d.title(), d.goal(), d.targetGroup(), d.scheduledStart(),
                m.openedAt(), m.endedAt(), m.circle().size(), m.listeners().size(), List.copyOf(themes),
                new SpeakingTime(shares, p.participantsTime().toMillis(), p.balanceIndex(), p.moderatorShare(), byName, underHalf),
                questions, draft.summary(), draft.conclusions(), draft.serviceNorms(), m.reporting().roundUp(),
                m.norms().checks().stream().filter(c -> c.verdict() != null)
                        .map(c -> new NormLine(c.text(), c.verdict(), c.note())).toList(),
                m.debrief().inReport() ? Debrief.takeAways(m) : null, Debrief.evaluation(m.debrief().evaluations()));
    }

    private static ThemeSection section(Meeting m, Draft draft, String themeId, String title, String question) {
        List<Meeting.Note> notes = m.notes().stream()
                .filter(n -> Objects.equals(n.themeId(), themeId))
                .filter(n -> !draft.excludedNoteIds().contains(n.id())).toList();
        List<String> topics = themeId == null ? List.of() : m.topics().stream()
                .filter(t -> t.status() == TopicStatus.ADOPTED && themeId.equals(t.themeId())).map(Meeting.Topic::text).toList();
        return new ThemeSection(title, question, texts(notes, NoteTag.STRENGTH), texts(notes, NoteTag.IMPROVEMENT_POINT),
                texts(notes, NoteTag.WISH), texts(notes, NoteTag.QUOTE), texts(notes, NoteTag.OTHER), topics,
                themeId == null ? null : m.preparation().score(themeId).orElse(null));
    }

    private static List<String> texts(List<Meeting.Note> notes, NoteTag tag) {
        return notes.stream().filter(n -> n.tag() == tag).map(Meeting.Note::text).toList();
    }
}
