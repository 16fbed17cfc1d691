package nl.spiegel.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.spiegel.meeting.Meeting.Details;
import nl.spiegel.meeting.Meeting.Participant;
import nl.spiegel.meeting.Meeting.Question;
import java.util.HashSet;

/**
 * What each role sees of a meeting, as plain data. Durations are whole milliseconds; times are
 * instants, so clients can tick locally from them. A listener's and the display's view are
 * narrower by construction: their types have no place for speaking statistics, other listeners'
 * unreleased questions, private notes or listener names.
 */
public final class Views {

    private Views() {}

    public record ThemeView(String id, String title, String centralQuestion, int minutes) {}

    /** A theme of the guide with the time spent on it, and the satisfaction survey's score for it, if any. */
    public record ThemeProgress(String id, String title, String centralQuestion, int minutes, long spentMs,
                                boolean started, @Nullable Preparation.SurveyScore survey) {}

    public record SeatView(String id, String pseudonym, int seat) {}

    /**
     * A participant in the circle with what they said so far.
     *
     * @param arrivedAt when a late arrival came in, from which moment they count; absent: from the opening
     */
    public record SeatStats(String id, String pseudonym, int seat, ParticipantStatus status, @Nullable Instant arrivedAt,
                            long speakingMs, int turns,
                            double share, double fairShare, @Nullable Long sinceLastTurnMs, boolean neverSpoken,
                            boolean speaking, List<String> themes, Participation.Tone tone) {}

    /** A {@code null} participant is the moderator. */
    public record SpeakerView(@Nullable String participantId, @Nullable String pseudonym, boolean moderator) {}

    public record SpeakerState(@Nullable String participantId, boolean moderator, Instant since) {}

    /**
     * Speaking time as of {@code asOf}. {@code underFair} and {@code overFair} are the bounds (as
     * parts of a fair share) between which a share counts as fair, so clients that move the shares
     * on with the running turn colour them as the server does.
     */
    public record Balance(long elapsedMs, long participantsMs, long moderatorMs, @Nullable Double moderatorShare,
                          @Nullable Double balanceIndex, double underFair, double overFair) {}

    public record NoteView(String id, @Nullable String themeId, NoteTag tag, String text, boolean shared, Role author,
                           Instant at, @Nullable Instant editedAt, boolean canBecomeAction) {}

    public record SharedNote(String id, @Nullable String themeId, NoteTag tag, String text, Instant at) {}

    /** Where a question stands on the moderator's screen: in the queue, still to screen, or set aside. */
    public enum Lane { QUEUE, SCREEN, ASIDE }

    public record QuestionView(String id, String listenerId, @Nullable String listenerName, String text, @Nullable String participantId,
                               @Nullable String themeId, QuestionStatus status, @Nullable RejectReason rejectReason, @Nullable String mergedInto,
                               boolean released, Instant submittedAt, Lane lane, boolean canAsk,
                               boolean canMarkAnswered, int mergedCount, @Nullable String answer, boolean canRecordAnswer) {}

    /** A listener's own question, with everything the moderator decided about it. */
    public record OwnQuestion(String id, String text, @Nullable String participantId, @Nullable String themeId, QuestionStatus status,
                              @Nullable RejectReason rejectReason, @Nullable String mergedInto, Instant submittedAt, boolean canWithdraw,
                              @Nullable String answer) {}

    /** A released question in the queue, without who asked it. */
    public record QueuedQuestion(String id, String text, @Nullable String participantId, @Nullable String themeId, QuestionStatus status) {}

    public record TopicView(String id, String listenerId, @Nullable String listenerName, String text, TopicStatus status, Instant at,
                            @Nullable String themeId) {}

    public record OwnTopic(String id, String text, TopicStatus status, Instant at) {}

    /**
     * A participant's place as the organiser and the moderator see it.
     *
     * @param canRemove whether the place can be taken away (nobody who has spoken can)
     * @param canBecome the statuses it can be moved to now
     */
    public record Place(String id, String pseudonym, @Nullable Integer seat, ParticipantStatus status, boolean gift,
                        Map<String, String> profile, @Nullable Instant arrivedAt, boolean canRemove,
                        List<ParticipantStatus> canBecome) {}

    /** Every place, the cross-section wanted, and how it is covered. */
    public record RecruitmentView(List<Place> places, List<Recruitment.Category> crossSection,
                                  Recruitment.Coverage coverage, int maxPlaces, int maxSeats) {}

    public record ModeratorView(long seq, Instant asOf, Phase phase, @Nullable Instant phaseSince, @Nullable Instant openedAt,
                                @Nullable Instant endedAt, Details details, List<ThemeProgress> guide, @Nullable String currentThemeId,
                                @Nullable Instant themeSince, List<SeatStats> participants, @Nullable SpeakerState speaker,
                                List<String> speakerQueue, Balance balance, List<NoteView> notes,
                                List<QuestionView> questions, List<String> questionQueue, boolean topicsOpen,
                                List<TopicView> topics, int listeners, boolean joiningOpen, @Nullable Integer listenerLimit,
                                List<Meeting.Action> actions, @Nullable Integer retentionDays, boolean keepAnonymised,
                                Report.Draft reportDraft, List<ReportVersion> reports, PhaseSteps phaseSteps,
                                Screen screen, Controls can, int questionsWaiting, List<Participation.Nudge> nudges,
                                List<NoteTag> noteTags, List<RejectReason> rejectReasons,
                                List<ActionStatus> actionStatuses, List<Integer> freeSeats,
                                List<ListenerLine> listenerList, @Nullable Instant pausedSince,
                                List<Meeting.Whisper> whispers, List<Norms.NormCheck> norms, List<NormVerdict> normVerdicts,
                                @Nullable String roundUp, List<FollowUp.Letter> letters, RecruitmentView recruitment,
                                Debrief.DebriefView debrief) {}

    /**
     * A listener as the moderator sees them, to remove one who disturbs: those with the most waiting
     * first, at most {@value #LISTENER_LINES} (a flood must not flood the tablet as well).
     */
    public record ListenerLine(String id, @Nullable String displayName, int waiting, Instant joinedAt) {}

    static final int LISTENER_LINES = 50;

    /**
     * The steps the moderator can take from the current phase: forward to {@code next}, back to
     * {@code back} (either may be absent); a {@code nextIsFinal} step cannot be taken back.
     */
    public record PhaseSteps(@Nullable Phase next, @Nullable Phase back, boolean nextIsFinal) {}

    /** The screen the moderator's app opens on: preparing, running, or after the meeting. */
    public enum Screen { PREPARE, LIVE, AFTER }

    /**
     * What the moderator's controls can do now: give the floor and queue speakers, change the theme,
     * and whether the questions are in their clarifying mode (screened, ordered, asked).
     */
    public record Controls(boolean floor, boolean themes, boolean questionMode) {}

    public record ReportVersion(int version, Instant finalizedAt) {}

    /**
     * What a listener sees. Who the listener is, is not part of it (the live snapshot says so), so that
     * the view of every listener who asked nothing is one and the same value.
     */
    /**
     * @param canTakeAway     whether take-aways and the question on participation can be written now
     *                        (from the closing phase; after the end until {@code takeAwaysUntil})
     * @param takeAwaysUntil  when the window for take-aways closes; absent before the end
     * @param myTakeAways     the listener's own take-aways, by slot; nobody else's
     * @param myPerceived     the listener's own answer on participation, 1 to 5, if given
     */
    public record ListenerView(long seq, Instant asOf, Phase phase, @Nullable Instant phaseSince,
                               @Nullable Instant openedAt, @Nullable Instant endedAt, Details details, List<ThemeView> guide,
                               @Nullable String currentThemeId, List<SeatView> participants, @Nullable SpeakerView speaker,
                               List<SharedNote> notes, List<OwnQuestion> myQuestions,
                               List<QueuedQuestion> questionQueue, boolean topicsOpen, List<OwnTopic> myTopics,
                               boolean canAsk, boolean canHandInTopics, @Nullable Instant pausedSince, boolean canTakeAway,
                               @Nullable Instant takeAwaysUntil, List<Debrief.TakeAway> myTakeAways,
                               @Nullable Integer myPerceived) {

        /** This view as a listener sees it, with their own part. */
        public ListenerView with(Own own) {
            return new ListenerView(seq, asOf, phase, phaseSince, openedAt, endedAt, details, guide, currentThemeId,
                    participants, speaker, notes, own.questions(), questionQueue, topicsOpen, own.topics(), canAsk,
                    canHandInTopics, pausedSince, canTakeAway, takeAwaysUntil, own.takeAways(), own.perceived());
        }
    }

    public record DisplayView(long seq, Instant asOf, Phase phase, @Nullable Instant phaseSince, @Nullable Instant openedAt,
                              @Nullable String title, @Nullable String houseRules, int plannedMinutes, @Nullable ThemeView currentTheme,
                              @Nullable Instant themeSince, List<QueuedQuestion> questionQueue, @Nullable Instant endedAt,
                              boolean showQuestions, @Nullable Instant pausedSince, long themeSpentMs, boolean practice) {}

    public static ModeratorView moderator(Meeting m, Instant now) {
        Instant asOf = at(m, now);
        Participation participation = Participation.of(m, asOf);
        List<ThemeProgress> guide = m.guide().stream().map(t -> new ThemeProgress(t.id(), t.title(), t.centralQuestion(),
                t.minutes(), m.themeClock().spentOn(t.id(), asOf).toMillis(), m.themeClock().started(t.id()),
                m.preparation().score(t.id()).orElse(null))).toList();
        List<SeatStats> seats = participation.participants().stream().map(e -> new SeatStats(e.participantId(),
                e.pseudonym(), e.seat(), m.participant(e.participantId()).map(Participant::status).orElseThrow(),
                m.participant(e.participantId()).map(Participant::arrivedAt).orElse(null), e.speakingTime().toMillis(), e.turns(), e.share(), e.fairShare(), millis(e.sinceLastTurn()),
                e.neverSpoken(), e.speaking(), e.themes(), e.tone())).toList();
        SpeakerState speakerState = m.floor().speaker() instanceof Floor.Speaking speaking
                ? new SpeakerState(speaking.participantId(), speaking.moderator(), speaking.since()) : null;
        Balance balance = new Balance(participation.elapsed().toMillis(), participation.participantsTime().toMillis(),
                participation.moderatorTime().toMillis(), participation.moderatorShare(), participation.balanceIndex(),
                Participation.UNDER_FAIR, Participation.OVER_FAIR);
        List<NoteView> notes = m.notes().stream().map(n -> new NoteView(n.id(), n.themeId(), n.tag(), n.text(),
                n.shared(), n.author(), n.at(), n.editedAt(), FollowUp.canBecomeAction(n))).toList();
        List<QuestionView> questions = questionsInOrder(m).stream().map(q -> new QuestionView(q.id(), q.listenerId(),
                listenerName(m, q.listenerId()), q.text(), q.participantId(), q.themeId(), q.status(), q.rejectReason(),
                q.mergedInto(), q.released(), q.submittedAt(), lane(q.status()), Questions.canAsk(m, q),
                Questions.canMarkAnswered(m, q), (int) m.questions().stream()
                        .filter(o -> q.id().equals(o.mergedInto())).count(), q.answer(), Questions.canRecordAnswer(q))).toList();
        List<TopicView> topics = m.topics().stream().map(t -> new TopicView(t.id(), t.listenerId(),
                listenerName(m, t.listenerId()), t.text(), t.status(), t.at(), t.themeId())).toList();
        return new ModeratorView(m.seq(), asOf, m.phase(), m.phaseSince(), m.openedAt(), m.endedAt(), m.details(), guide,
                m.currentThemeId(), m.themeClock().since(), seats, speakerState, m.floor().queue(), balance, notes,
                questions, m.questionQueue(), m.topicsOpen(), topics, m.listeners().size(), m.joiningOpen(),
                m.listenerLimit(), m.actions(), m.retentionDays(), m.keepAnonymised(), m.reportDraft(),
                m.reports().stream().map(r -> new ReportVersion(r.version(), r.finalizedAt())).toList(),
                new PhaseSteps(m.phase().next(), m.phase().back(), m.phase().nextIsFinal()), screen(m.phase()),
                new Controls(m.phase().live(), m.phase() == Phase.CONVERSATION, m.phase().questionsReleased()),
                (int) m.questions().stream().filter(q -> q.status() == QuestionStatus.WAITING
                        || q.status() == QuestionStatus.ACCEPTED).count(),
                participation.nudges(), List.of(NoteTag.values()), List.of(RejectReason.values()),
                List.of(ActionStatus.values()), freeSeats(m), listenerLines(m), pausedSince(m), m.whispers(),
                m.norms().checks(), List.of(NormVerdict.values()), m.reporting().roundUp(), m.followUp().letters(),
                recruitment(m), Debrief.view(m, asOf));
    }

    public static RecruitmentView recruitment(Meeting m) {
        List<Place> places = m.participants().stream().map(p -> new Place(p.id(), p.pseudonym(), p.seat(), p.status(),
                p.gift(), p.profile(), p.arrivedAt(), m.phase() != Phase.ENDED && !m.hasSpoken(p.id()),
                canBecome(m, p))).toList();
        return new RecruitmentView(places, m.recruitment().crossSection(), Recruitment.coverage(m), Recruitment.MAX_PLACES,
                Meeting.MAX_PARTICIPANTS);
    }

    /** The statuses the core would accept for this participant now: asked of the core itself, so they never drift. */
    private static List<ParticipantStatus> canBecome(Meeting m, Participant p) {
        List<ParticipantStatus> next = new ArrayList<>();
        for (ParticipantStatus status : ParticipantStatus.values()) {
            if (status != p.status() && MeetingCore.decide(m, Actor.MODERATOR,
                    new Command.SetParticipantStatus(p.id(), status, null), m.lastAt()) instanceof Decision.Accepted) {
                next.add(status);
            }
        }
        return List.copyOf(next);
    }

    /**
     * What the participants and the client council read of the follow-up ("what was done with your
     * input"): what was asked, what they said as the last finalised report published it, and what the
     * organisation does with it. No names, no private notes, no quotes, no figures per person; nothing
     * at all of what was said before a report is finalised.
     *
     * @param published whether a finalised report exists; before, only the meeting's title and date show
     */
    public record FollowUpView(long seq, Instant asOf, String title, @Nullable String targetGroup, @Nullable Instant heldOn,
                               @Nullable String organisation, boolean published, List<Asked> asked, List<Said> said,
                               List<Done> done, List<WrittenAnswer> answers) {}

    /** A central question the participants were asked. */
    public record Asked(String title, String centralQuestion) {}

    /** What the participants said of a theme, as the report published it. */
    public record Said(@Nullable String theme, List<String> strengths, List<String> improvementPoints, List<String> wishes) {}

    /** An action on what they said, in its public wording. */
    public record Done(String id, String wording, @Nullable String theme, ActionStatus status, @Nullable LocalDate due) {}

    /** A clarifying question answered in writing after the meeting. */
    public record WrittenAnswer(String question, String answer) {}

    public static FollowUpView followUp(Meeting m, Instant now) {
        Details d = m.details();
        UnaryOperator<String> unnamed = withoutNames(m);
        Instant heldOn = m.openedAt() != null ? m.openedAt() : d.scheduledStart();
        if (m.reports().isEmpty()) {
            return new FollowUpView(m.seq(), at(m, now), d.title(), d.targetGroup(), heldOn, d.organisation(), false,
                    List.of(), List.of(), List.of(), List.of());
        }
        Report report = m.reports().getLast();
        List<Asked> asked = report.themes().stream().filter(t -> t.title() != null && t.centralQuestion() != null)
                .map(t -> new Asked(unnamed.apply(t.title()), unnamed.apply(t.centralQuestion()))).toList();
        List<Said> said = report.themes().stream()
                .filter(t -> !t.strengths().isEmpty() || !t.improvementPoints().isEmpty() || !t.wishes().isEmpty())
                .map(t -> new Said(t.title() == null ? null : unnamed.apply(t.title()), all(t.strengths(), unnamed),
                        all(t.improvementPoints(), unnamed), all(t.wishes(), unnamed))).toList();
        Set<String> published = Report.publishedNoteIds(m);
        List<Done> done = m.actions().stream().filter(a -> published.contains(a.noteId()))
                .map(a -> new Done(a.id(), unnamed.apply(a.wording()), m.note(a.noteId()).flatMap(n -> m.theme(n.themeId()))
                        .map(t -> unnamed.apply(t.title())).orElse(null), a.status(), a.due())).toList();
        List<WrittenAnswer> answers = m.questionQueue().stream().map(id -> m.question(id).orElseThrow())
                .filter(q -> q.status() == QuestionStatus.ACCEPTED && q.answer() != null)
                .map(q -> new WrittenAnswer(unnamed.apply(q.text()), unnamed.apply(q.answer()))).toList();
        return new FollowUpView(m.seq(), at(m, now), d.title(), d.targetGroup(), heldOn, d.organisation(), true, asked, said,
                done, answers);
    }

    /**
     * What reaches the participants outside the room names no one: a pseudonym a moderator wrote into
     * a note or an action is replaced, as a whole word, by "a participant" in the meeting's language.
     */
    private static UnaryOperator<String> withoutNames(Meeting m) {
        String someone = "en".equals(m.details().language()) ? "a participant" : "een deelnemer";
        List<Pattern> names = m.participants().stream()
                .map(p -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(p.pseudonym()) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
        return text -> {
            String result = text;
            for (Pattern name : names) {
                result = name.matcher(result).replaceAll(Matcher.quoteReplacement(someone));
            }
            return result;
        };
    }

    private static List<String> all(List<String> texts, UnaryOperator<String> change) {
        return texts.stream().map(change).toList();
    }

    /**
     * Since when nobody has the floor because the moderator paused it: in a live phase, with nobody
     * speaking, after a turn that ended in this phase. {@code null} otherwise.
     */
    static Instant pausedSince(Meeting m) {
        List<Meeting.Turn> turns = m.floor().turns();
        if (!m.phase().live() || m.floor().speaker() instanceof Floor.Speaking || turns.isEmpty()) {
            return null;
        }
        Instant end = turns.getLast().end();
        return m.phaseSince() != null && end.isBefore(m.phaseSince()) ? null : end;
    }

    private static List<ListenerLine> listenerLines(Meeting m) {
        Map<String, Integer> waiting = new HashMap<>();
        m.questions().stream().filter(q -> q.status() == QuestionStatus.WAITING)
                .forEach(q -> waiting.merge(q.listenerId(), 1, Integer::sum));
        m.topics().stream().filter(t -> t.status() == TopicStatus.NEW)
                .forEach(t -> waiting.merge(t.listenerId(), 1, Integer::sum));
        return m.listeners().values().stream()
                .map(l -> new ListenerLine(l.id(), l.displayName(), waiting.getOrDefault(l.id(), 0), l.joinedAt()))
                .sorted(Comparator.comparingInt(ListenerLine::waiting).reversed()
                        .thenComparing(ListenerLine::joinedAt, Comparator.reverseOrder()))
                .limit(LISTENER_LINES).toList();
    }

    /** The fields of a {@link ListenerView} that differ per listener; the rest is the same for all. */
    public static final Set<String> PERSONAL_FIELDS = Set.of("myQuestions", "myTopics", "myTakeAways", "myPerceived");

    /**
     * A listener's own part of their view: the questions they asked, the topics they handed in, the
     * take-aways they wrote and their answer on participation.
     */
    public record Own(List<OwnQuestion> questions, List<OwnTopic> topics, List<Debrief.TakeAway> takeAways,
                      @Nullable Integer perceived) {
        public static final Own NONE = new Own(List.of(), List.of(), List.of(), null);
    }

    /** The own parts of every listener who has asked, handed in or written something, in one pass over the meeting. */
    public static Map<String, Own> own(Meeting m) {
        Map<String, List<OwnQuestion>> questions = new HashMap<>();
        for (Meeting.Question q : m.questions()) {
            questions.computeIfAbsent(q.listenerId(), id -> new ArrayList<>()).add(own(m, q));
        }
        Map<String, List<OwnTopic>> topics = new HashMap<>();
        for (Meeting.Topic t : m.topics()) {
            topics.computeIfAbsent(t.listenerId(), id -> new ArrayList<>()).add(own(t));
        }
        Set<String> ids = new HashSet<>(questions.keySet());
        ids.addAll(topics.keySet());
        ids.addAll(m.debrief().takeAways().keySet());
        ids.addAll(m.debrief().perceived().keySet());
        Map<String, Own> own = new HashMap<>();
        for (String id : ids) {
            own.put(id, new Own(List.copyOf(questions.getOrDefault(id, List.of())), List.copyOf(topics.getOrDefault(id, List.of())),
                    m.debrief().of(id), m.debrief().perceived().get(id)));
        }
        return own;
    }

    public static Own own(Meeting m, String listenerId) {
        return new Own(m.questions().stream().filter(q -> q.listenerId().equals(listenerId)).map(q -> own(m, q)).toList(),
                m.topics().stream().filter(t -> t.listenerId().equals(listenerId)).map(Views::own).toList(),
                m.debrief().of(listenerId), m.debrief().perceived().get(listenerId));
    }

    /** A listener's own question; it can be withdrawn while the meeting runs and it is still withdrawable. */
    private static OwnQuestion own(Meeting m, Meeting.Question q) {
        return new OwnQuestion(q.id(), q.text(), q.participantId(), q.themeId(), q.status(), q.rejectReason(),
                q.mergedInto(), q.submittedAt(), q.status().withdrawable() && m.phase() != Phase.ENDED, q.answer());
    }

    private static OwnTopic own(Meeting.Topic t) {
        return new OwnTopic(t.id(), t.text(), t.status(), t.at());
    }

    public static ListenerView listener(Meeting m, String listenerId, Instant now) {
        Own own = listenerId == null ? Own.NONE : own(m, listenerId);
        List<SharedNote> notes = m.notes().stream().filter(Meeting.Note::shared)
                .map(n -> new SharedNote(n.id(), n.themeId(), n.tag(), n.text(), n.at())).toList();
        return new ListenerView(m.seq(), at(m, now), m.phase(), m.phaseSince(), m.openedAt(), m.endedAt(),
                m.details(), themes(m), m.currentThemeId(), seats(m), speaker(m), notes, own.questions(), releasedQueue(m),
                m.topicsOpen(), own.topics(), Questions.open(m), Topics.open(m), pausedSince(m),
                Debrief.open(m, at(m, now)), Debrief.closesAt(m), own.takeAways(), own.perceived());
    }

    public static DisplayView display(Meeting m, Instant now) {
        ThemeView current = m.theme(m.currentThemeId()).map(Views::theme).orElse(null);
        return new DisplayView(m.seq(), at(m, now), m.phase(), m.phaseSince(), m.openedAt(),
                m.details() == null ? null : m.details().title(), m.details() == null ? null : m.details().houseRules(),
                m.details() == null ? 0 : m.details().plannedMinutes(), current, m.themeClock().since(), releasedQueue(m),
                m.endedAt(), m.phase() == Phase.CLARIFYING || m.phase() == Phase.CLOSING, pausedSince(m),
                current == null ? 0 : m.themeClock().spentOn(current.id(), at(m, now)).toMillis(),
                m.details() != null && m.details().practice());
    }

    private static List<Integer> freeSeats(Meeting m) {
        List<Integer> free = new ArrayList<>();
        for (int seat = 1; seat <= Meeting.MAX_PARTICIPANTS; seat++) {
            int s = seat;
            if (m.circle().stream().noneMatch(p -> p.seat() == s)) {
                free.add(seat);
            }
        }
        return List.copyOf(free);
    }

    private static Lane lane(QuestionStatus status) {
        return status.inQueue() ? Lane.QUEUE : status == QuestionStatus.WAITING ? Lane.SCREEN : Lane.ASIDE;
    }

    private static Screen screen(Phase phase) {
        return phase == Phase.PREPARATION ? Screen.PREPARE : phase == Phase.ENDED ? Screen.AFTER : Screen.LIVE;
    }

    /** Questions that every listener may see: accepted ones, once the clarifying phase has begun. */
    private static List<QueuedQuestion> releasedQueue(Meeting m) {
        List<QueuedQuestion> queue = new ArrayList<>();
        for (String id : m.questionQueue()) {
            m.question(id).filter(q -> q.released() && q.status().inQueue()).ifPresent(q -> queue.add(
                    new QueuedQuestion(q.id(), q.text(), q.participantId(), q.themeId(), q.status())));
        }
        return List.copyOf(queue);
    }

    /** The queue in its order first, then the questions still to screen or set aside. */
    private static List<Question> questionsInOrder(Meeting m) {
        List<Question> ordered = new ArrayList<>();
        m.questionQueue().forEach(id -> m.question(id).ifPresent(ordered::add));
        m.questions().stream().filter(q -> !m.questionQueue().contains(q.id())).forEach(ordered::add);
        return ordered;
    }

    private static List<ThemeView> themes(Meeting m) {
        return m.guide().stream().map(Views::theme).toList();
    }

    private static ThemeView theme(Meeting.Theme t) {
        return new ThemeView(t.id(), t.title(), t.centralQuestion(), t.minutes());
    }

    private static List<SeatView> seats(Meeting m) {
        return m.circle().stream().map(p -> new SeatView(p.id(), p.pseudonym(), p.seat())).toList();
    }

    private static SpeakerView speaker(Meeting m) {
        if (!(m.floor().speaker() instanceof Floor.Speaking speaking)) {
            return null;
        }
        String pseudonym = speaking.moderator() ? null
                : m.participant(speaking.participantId()).map(Participant::pseudonym).orElse(null);
        return new SpeakerView(speaking.participantId(), pseudonym, speaking.moderator());
    }

    private static String listenerName(Meeting m, String listenerId) {
        Meeting.Listener listener = m.listeners().get(listenerId);
        return listener == null ? null : listener.displayName();
    }

    private static Instant at(Meeting m, Instant now) {
        return now.isBefore(m.lastAt()) ? m.lastAt() : now;
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
