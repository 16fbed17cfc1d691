package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rejection.Reason.*;
import static nl.spiegel.meeting.Rules.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import nl.spiegel.meeting.Command.GiveEvaluation;
import nl.spiegel.meeting.Command.IncludeTakeAways;
import nl.spiegel.meeting.Command.RatePerceivedBalance;
import nl.spiegel.meeting.Command.SetTakeAwayWindow;
import nl.spiegel.meeting.Command.WriteTakeAway;
import nl.spiegel.meeting.Event.EvaluationGiven;
import nl.spiegel.meeting.Event.PerceivedBalanceRated;
import nl.spiegel.meeting.Event.TakeAwayWindowSet;
import nl.spiegel.meeting.Event.TakeAwayWritten;
import nl.spiegel.meeting.Event.TakeAwaysIncluded;

/**
 * The debrief section: what the listeners take home (up to three take-aways each, and how they
 * perceived the participation), and how the participants found the meeting (an anonymous
 * evaluation). Listeners write from the closing phase until a window after the end closes; their
 * words are kept per listener, to be edited, and shown to the team only aggregated, once at least
 * {@value #K} have written: nobody can tell who wrote what. The participants' evaluation has no link
 * to a seat or a pseudonym, and is shown from {@value #K} answers on.
 *
 * @param takeAways      per listener, their take-aways by slot (1 to {@value #SLOTS})
 * @param perceived      per listener, whether every participant got room to speak, 1 (no) to 5 (yes)
 * @param evaluations    the participants' answers, in the order they came
 * @param windowDays     how many days after the end listeners may still write; {@code null}: {@value #DEFAULT_DAYS}
 * @param inReport       whether the report has the appendix of what the listeners took home
 */
public record Debrief(Map<String, Map<Integer, TakeAway>> takeAways, Map<String, Integer> perceived,
                      List<Evaluation> evaluations, @Nullable Integer windowDays, boolean inReport) {

    static final Debrief EMPTY = new Debrief(Map.of(), Map.of(), List.of(), null, false);

    /** Nothing is shown of fewer than this many listeners or participants: k-anonymity. */
    public static final int K = 3;
    public static final int SLOTS = 3;
    public static final int MAX_TAKE_AWAY = 280;
    public static final int DEFAULT_DAYS = 7;
    public static final int MAX_DAYS = 30;
    /** Participants answer the evaluation within this many days after the end. */
    public static final int EVALUATION_DAYS = 30;
    /** Answers a meeting takes: a circle of fourteen, with room for cards handed on, not for a flood. */
    public static final int MAX_EVALUATIONS = 40;
    public static final int MAX_REMARK = 500;

    /** A take-away; {@code themeId} is the theme it is about, if the listener chose one. */
    public record TakeAway(int slot, TakeAwayKind kind, @Nullable String themeId, String text) {}

    /**
     * A participant's answers, each 1 (not at all) to 5 (fully), or absent when left open: felt heard,
     * enough time, clear information beforehand, would take part again; and a free remark.
     */
    public record Evaluation(@Nullable Integer heard, @Nullable Integer time, @Nullable Integer information,
                             @Nullable Integer again, @Nullable String remark, boolean onPaper) {}

    /** The days after the end listeners may write. */
    public int days() {
        return windowDays == null ? DEFAULT_DAYS : windowDays;
    }

    /** Whether listeners may write take-aways at {@code at}: from the closing phase until the window after the end closes. */
    public static boolean open(Meeting m, Instant at) {
        if (m.phase() == Phase.CLOSING) {
            return true;
        }
        return m.phase() == Phase.ENDED && at.isBefore(closesAt(m));
    }

    /** When the listeners' window closes; absent before the end. */
    public static Instant closesAt(Meeting m) {
        return m.endedAt() == null ? null : m.endedAt().plus(Duration.ofDays(m.debrief().days()));
    }

    /** Whether participants may answer the evaluation at {@code at}: from the closing phase, until 30 days after the end. */
    public static boolean evaluationOpen(Meeting m, Instant at) {
        return m.phase() == Phase.CLOSING
                || (m.phase() == Phase.ENDED && at.isBefore(m.endedAt().plus(Duration.ofDays(EVALUATION_DAYS))));
    }

    static List<Event> decide(Meeting m, Actor actor, Command.Debrief command, Instant at) {
        Debrief d = m.debrief();
        return switch (command) {
            case WriteTakeAway c -> {
                requireJoined(m, actor);
                require(open(m, at), WINDOW_CLOSED);
                int slot = number("slot", c.slot(), 1, SLOTS);
                String text = optional("text", c.text(), MAX_TAKE_AWAY);
                TakeAway before = d.takeAways().getOrDefault(actor.listenerId(), Map.of()).get(slot);
                if (text == null) {
                    yield before == null ? List.of() : List.of(new TakeAwayWritten(actor.listenerId(), slot, null, null, null));
                }
                TakeAwayKind kind = present("kind", c.kind());
                String themeId = c.themeId() == null ? null : theme(m, c.themeId()).id();
                TakeAway after = new TakeAway(slot, kind, themeId, text);
                yield after.equals(before) ? List.of() : List.of(new TakeAwayWritten(actor.listenerId(), slot, kind, themeId, text));
            }
            case RatePerceivedBalance c -> {
                requireJoined(m, actor);
                require(open(m, at), WINDOW_CLOSED);
                int score = number("score", c.score(), 1, 5);
                yield Objects.equals(d.perceived().get(actor.listenerId()), score) ? List.of()
                        : List.of(new PerceivedBalanceRated(actor.listenerId(), score));
            }
            case SetTakeAwayWindow c -> {
                int days = number("days", c.days(), 0, MAX_DAYS);
                yield days == d.days() ? List.of() : List.of(new TakeAwayWindowSet(days));
            }
            case IncludeTakeAways c -> {
                boolean include = flag("include", c.include());
                yield include == d.inReport() ? List.of() : List.of(new TakeAwaysIncluded(include));
            }
            case GiveEvaluation c -> {
                require(evaluationOpen(m, at), WINDOW_CLOSED);
                require(d.evaluations().size() < MAX_EVALUATIONS, EVALUATIONS_FULL);
                Integer heard = score("heard", c.heard());
                Integer time = score("time", c.time());
                Integer information = score("information", c.information());
                Integer again = score("again", c.again());
                String remark = optional("remark", c.remark(), MAX_REMARK);
                require(heard != null || time != null || information != null || again != null || remark != null, EMPTY_ANSWER);
                yield List.of(new EvaluationGiven(heard, time, information, again, remark, actor.role().moderates()));
            }
        };
    }

    private static Integer score(String field, Integer value) {
        return value == null ? null : number(field, value, 1, 5);
    }

    static Meeting evolve(Meeting m, Event.Debrief event) {
        Debrief d = m.debrief();
        return switch (event) {
            case TakeAwayWritten e -> {
                Map<String, Map<Integer, TakeAway>> all = new HashMap<>(d.takeAways());
                Map<Integer, TakeAway> mine = new TreeMap<>(all.getOrDefault(e.listenerId(), Map.of()));
                if (e.text() == null) {
                    mine.remove(e.slot());
                } else {
                    mine.put(e.slot(), new TakeAway(e.slot(), e.kind(), e.themeId(), e.text()));
                }
                if (mine.isEmpty()) {
                    all.remove(e.listenerId());
                } else {
                    all.put(e.listenerId(), Map.copyOf(mine));
                }
                yield m.with(new Debrief(Map.copyOf(all), d.perceived(), d.evaluations(), d.windowDays(), d.inReport()));
            }
            case PerceivedBalanceRated e -> {
                Map<String, Integer> perceived = new HashMap<>(d.perceived());
                perceived.put(e.listenerId(), e.score());
                yield m.with(new Debrief(d.takeAways(), Map.copyOf(perceived), d.evaluations(), d.windowDays(), d.inReport()));
            }
            case TakeAwayWindowSet e -> m.with(new Debrief(d.takeAways(), d.perceived(), d.evaluations(), e.days(), d.inReport()));
            case TakeAwaysIncluded e -> m.with(new Debrief(d.takeAways(), d.perceived(), d.evaluations(), d.windowDays(), e.include()));
            case EvaluationGiven e -> m.with(new Debrief(d.takeAways(), d.perceived(), Lists.added(d.evaluations(),
                    new Evaluation(e.heard(), e.time(), e.information(), e.again(), e.remark(), e.onPaper())), d.windowDays(), d.inReport()));
        };
    }

    // What the team sees: aggregates only, and nothing of fewer than K.

    /** Take-aways of one theme (or none) and one kind, their texts in alphabetical order: no order tells who or when. */
    public record TakeAwayGroup(@Nullable String themeId, @Nullable String theme, TakeAwayKind kind, List<String> texts) {}

    /**
     * What the listeners took home, shown once {@code writers} reaches {@code needed}.
     *
     * @param groups by theme in the guide's order (those about no theme last), then by kind
     */
    public record TakeAwaysView(int writers, int needed, boolean shown, List<TakeAwayGroup> groups, int count) {}

    /**
     * How the listeners perceived the participation beside how it was measured.
     *
     * @param distribution answers per score 1 to 5, shown from {@code needed} answers on
     */
    public record PerceivedView(int answers, int needed, boolean shown, Map<Integer, Integer> distribution,
                                @Nullable Double measuredIndex, int neverSpoken) {}

    /** One question of the participants' evaluation: the average and the answers per score. */
    public record Item(String question, @Nullable Double average, int answers, Map<Integer, Integer> distribution) {}

    /** The participants' evaluation, shown from {@code needed} answers on; remarks in alphabetical order. */
    public record EvaluationView(int answers, int needed, boolean shown, int onPaper, List<Item> items, List<String> remarks) {}

    public record DebriefView(TakeAwaysView takeAways, PerceivedView perceived, EvaluationView evaluation,
                              @Nullable Instant closesAt, int windowDays, boolean inReport) {}

    public static DebriefView view(Meeting m, Instant now) {
        Debrief d = m.debrief();
        Instant until = m.endedAt() != null ? m.endedAt() : now;
        Participation measured = Participation.of(m, until);
        int neverSpoken = (int) measured.participants().stream().filter(Participation.Entry::neverSpoken).count();
        Map<Integer, Integer> perceived = new TreeMap<>();
        boolean perceivedShown = d.perceived().size() >= K;
        if (perceivedShown) {
            for (int score = 1; score <= 5; score++) {
                int s = score;
                perceived.put(score, (int) d.perceived().values().stream().filter(v -> v == s).count());
            }
        }
        return new DebriefView(takeAways(m), new PerceivedView(d.perceived().size(), K, perceivedShown, perceived,
                measured.balanceIndex(), neverSpoken), evaluation(d.evaluations()), closesAt(m), d.days(), d.inReport());
    }

    /** The take-aways by theme and kind, or only their number while fewer than {@value #K} listeners wrote. */
    public static TakeAwaysView takeAways(Meeting m) {
        Map<String, Map<Integer, TakeAway>> all = m.debrief().takeAways();
        int count = all.values().stream().mapToInt(Map::size).sum();
        if (all.size() < K) {
            return new TakeAwaysView(all.size(), K, false, List.of(), count);
        }
        Map<String, Map<TakeAwayKind, List<String>>> byTheme = new LinkedHashMap<>();
        m.guide().forEach(t -> byTheme.put(t.id(), new EnumMap<>(TakeAwayKind.class)));
        byTheme.put(null, new EnumMap<>(TakeAwayKind.class));
        for (Map<Integer, TakeAway> mine : all.values()) {
            for (TakeAway t : mine.values()) {
                String theme = t.themeId() != null && byTheme.containsKey(t.themeId()) ? t.themeId() : null;
                byTheme.get(theme).computeIfAbsent(t.kind(), k -> new ArrayList<>()).add(t.text());
            }
        }
        List<TakeAwayGroup> groups = new ArrayList<>();
        byTheme.forEach((themeId, kinds) -> kinds.forEach((kind, texts) -> groups.add(new TakeAwayGroup(themeId,
                themeId == null ? null : m.theme(themeId).map(Meeting.Theme::title).orElse(null), kind,
                texts.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList()))));
        return new TakeAwaysView(all.size(), K, true, List.copyOf(groups), count);
    }

    /** The participants' evaluation in averages and counts, or only the number of answers while fewer than {@value #K}. */
    public static EvaluationView evaluation(List<Evaluation> answers) {
        int onPaper = (int) answers.stream().filter(Evaluation::onPaper).count();
        if (answers.size() < K) {
            return new EvaluationView(answers.size(), K, false, onPaper, List.of(), List.of());
        }
        List<Item> items = List.of(item("heard", answers.stream().map(Evaluation::heard).toList()),
                item("time", answers.stream().map(Evaluation::time).toList()),
                item("information", answers.stream().map(Evaluation::information).toList()),
                item("again", answers.stream().map(Evaluation::again).toList()));
        List<String> remarks = answers.stream().map(Evaluation::remark).filter(Objects::nonNull)
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();
        return new EvaluationView(answers.size(), K, true, onPaper, items, remarks);
    }

    private static Item item(String question, List<Integer> scores) {
        List<Integer> given = scores.stream().filter(Objects::nonNull).toList();
        Map<Integer, Integer> distribution = new TreeMap<>();
        for (int score = 1; score <= 5; score++) {
            int s = score;
            distribution.put(score, (int) given.stream().filter(v -> v == s).count());
        }
        Double average = given.isEmpty() ? null
                : Math.round(given.stream().mapToInt(Integer::intValue).average().orElseThrow() * 10) / 10.0;
        return new Item(question, average, given.size(), distribution);
    }

    /** A listener's own take-aways, by slot. */
    public List<TakeAway> of(String listenerId) {
        return takeAways.getOrDefault(listenerId, Map.of()).values().stream().sorted(Comparator.comparingInt(TakeAway::slot)).toList();
    }
}
