package nl.spiegel.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.assertj.core.api.Assertions;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import nl.spiegel.meeting.Command.*;

/** Invariants of the core over random command sequences from random actors at random moments. */
class MeetingPropertiesTest {

    private static final List<Actor> ACTORS = List.of(Actor.MODERATOR, Actor.ASSISTANT, Actor.DISPLAY,
            Actor.listener("L1"), Actor.listener("L2"), Actor.listener("L3"));
    private static final Instant START = Instant.parse("2027-05-10T09:00:00Z");

    /**
     * One step: who sends what, after how many seconds (sometimes a clock that jumps back). A step
     * that {@code advances} asks for the phase after the current one, so that runs reach the end.
     */
    record Step(Actor actor, Command command, int seconds, boolean advances) {}

    @Property(tries = 300)
    void seqStaysGapFreeAndThereIsAtMostOneSpeaker(@ForAll("meetings") List<Step> steps) {
        Run run = Run.of(steps);
        for (int i = 0; i < run.stream.size(); i++) {
            assertThat(run.stream.get(i).seq()).isEqualTo(i + 1);
        }
        for (Meeting state : run.states) {
            Floor.Speaking speaker = state.floor().speaker() instanceof Floor.Speaking s ? s : null;
            if (speaker != null) {
                assertThat(state.phase().live()).isTrue();
            }
            List<Meeting.Turn> turns = state.floor().turns();
            for (int i = 1; i < turns.size(); i++) {
                assertThat(turns.get(i).start()).isAfterOrEqualTo(turns.get(i - 1).end());
            }
            if (speaker != null && !turns.isEmpty()) {
                assertThat(speaker.since()).isAfterOrEqualTo(turns.getLast().end());
            }
        }
    }

    @Property(tries = 300)
    void speakingTimeNeverExceedsElapsedTime(@ForAll("meetings") List<Step> steps) {
        Run run = Run.of(steps);
        Meeting m = run.state;
        Instant later = run.now.plusSeconds(17);
        Participation p = Participation.of(m, later);
        Duration talk = p.participantsTime().plus(p.moderatorTime());
        assertThat(talk).isLessThanOrEqualTo(p.elapsed());
        assertThat(p.participants()).allSatisfy(e -> assertThat(e.speakingTime()).isLessThanOrEqualTo(p.elapsed()));
        if (!p.participantsTime().isZero()) {
            assertThat(p.participants().stream().mapToDouble(Participation.Entry::share).sum()).isCloseTo(1.0,
                    Assertions.within(1e-9));
        }
        if (p.balanceIndex() != null) {
            assertThat(p.balanceIndex()).isBetween(-1e-9, 1 + 1e-9);
        }
    }

    @Property(tries = 300, shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    @net.jqwik.api.statistics.StatisticsReport(format = net.jqwik.api.statistics.Histogram.class)
    void aListenerViewNeverHoldsAnotherListenersUnreleasedQuestion(@ForAll("meetings") List<Step> steps) {
        Run run = Run.of(steps);
        Statistics.label("released questions").collect(run.states.stream()
                .anyMatch(m -> m.questions().stream().anyMatch(Meeting.Question::released)));
        Statistics.label("furthest phase").collect(run.state.phase());
        boolean clarifyingReached = false;
        for (Meeting m : run.states) {
            clarifyingReached |= m.phase().questionsReleased();
            boolean released = clarifyingReached;
            Map<String, Views.Own> own = Views.own(m);
            for (String listenerId : List.of("L1", "L2", "L3")) {
                Views.ListenerView view = Views.listener(m, listenerId, run.now);
                // The live rooms take everyone's own part from one pass; it must be what the listener's view holds.
                assertThat(own.getOrDefault(listenerId, Views.Own.NONE)).isEqualTo(new Views.Own(view.myQuestions(), view.myTopics(),
                        view.myTakeAways(), view.myPerceived()));
                assertThat(Views.listener(m, null, run.now).with(own.getOrDefault(listenerId, Views.Own.NONE)))
                        .isEqualTo(view);
                assertThat(view.myQuestions()).allSatisfy(q ->
                        assertThat(m.question(q.id()).orElseThrow().listenerId()).isEqualTo(listenerId));
                assertThat(view.questionQueue()).allSatisfy(q -> {
                    Meeting.Question question = m.question(q.id()).orElseThrow();
                    assertThat(question.released()).isTrue();
                    assertThat(question.status().inQueue()).isTrue();
                    // Released once the clarifying phase began; a step back does not hide them again.
                    assertThat(released).isTrue();
                });
                assertThat(view.notes()).allSatisfy(n -> assertThat(m.note(n.id()).orElseThrow().shared()).isTrue());
            }
            Views.DisplayView display = Views.display(m, run.now);
            assertThat(display.questionQueue()).allSatisfy(q ->
                    assertThat(m.question(q.id()).orElseThrow().released()).isTrue());
        }
    }

    @Property(tries = 200)
    void theSameCommandsWithTheSameClockGiveTheSameEvents(@ForAll("meetings") List<Step> steps) {
        assertThat(Run.of(steps).stream).isEqualTo(Run.of(steps).stream);
    }

    @Property(tries = 200)
    void foldingTheStreamGivesTheSameState(@ForAll("meetings") List<Step> steps) {
        Run run = Run.of(steps);
        assertThat(MeetingCore.fold(run.stream)).isEqualTo(run.state);
    }

    @Property(tries = 200)
    void aRejectionChangesNothingAndOnlyModeratorsChangeTheMeeting(@ForAll("meetings") List<Step> steps) {
        Run run = Run.of(steps);
        for (int i = 0; i < run.decisions.size(); i++) {
            Decision d = run.decisions.get(i);
            Step step = run.steps.get(i);
            if (d instanceof Decision.Rejected r) {
                assertThat(r.rejection().code()).isNotBlank();
                assertThat(r.rejection().reason() != Rejection.Reason.INVALID || r.rejection().detail() != null).isTrue();
                assertThat(run.statesBefore.get(i)).isSameAs(run.statesAfter.get(i));
            } else if (!((Decision.Accepted) d).events().isEmpty()) {
                Role role = step.advances() ? Role.MODERATOR : step.actor().role();
                assertThat(role).isNotEqualTo(Role.DISPLAY);
                if (role == Role.LISTENER) {
                    assertThat(step.command()).isInstanceOfAny(SubmitQuestion.class, WithdrawQuestion.class,
                            SubmitTopic.class, JoinAsListener.class);
                }
            }
        }
    }

    /** A moderator's tap: who gets the floor, some seconds after the tap before. */
    record Tap(int participant, int afterSeconds) {}

    /**
     * Taps made while the tablet was offline, sent when it is back with the moment they were made,
     * give the same turns as the same taps on a connection that never dropped, also while the
     * assistant, online, adds notes in between (stored before the late taps, timed after them).
     */
    @Property(tries = 300)
    void offlineTapsGiveTheSameSpeakingTimesAsOnline(@ForAll("taps") List<Tap> taps,
                                                     @ForAll @IntRange(min = 0, max = 40) int offlineFrom,
                                                     @ForAll @IntRange(min = 1, max = 15) int offlineTaps) {
        int from = Math.min(offlineFrom, taps.size() - 1);
        int until = Math.min(taps.size(), from + offlineTaps);
        List<String> circle = List.of("P4", "P5", "P6", "P7");
        List<Instant> times = new ArrayList<>();
        Instant t = Spec.T0;
        for (Tap tap : taps) {
            t = t.plusSeconds(tap.afterSeconds());
            times.add(t);
        }
        Instant end = t.plusSeconds(30);
        Instant back = until < taps.size() ? times.get(until) : t.plusSeconds(1);

        Spec online = Spec.given(Meetings.inConversation());
        Meeting offline = online.state();
        List<LateTap> late = new ArrayList<>();
        for (int i = 0; i < taps.size(); i++) {
            Command tap = new GiveFloor(circle.get(taps.get(i).participant()));
            Command note = new AddNote(null, NoteTag.OTHER, "Notitie " + i, false);
            online = online.at(times.get(i)).apply(Actor.MODERATOR, tap).at(times.get(i).plusMillis(500))
                    .apply(Actor.ASSISTANT, note);
            boolean delayed = i >= from && i < until;
            if (i == until) {
                offline = deliver(offline, late, back);
            }
            if (!delayed) {
                offline = decideAt(offline, Actor.MODERATOR, tap, times.get(i), null);
            } else {
                late.add(new LateTap(tap, times.get(i)));
            }
            offline = decideAt(offline, Actor.ASSISTANT, note, times.get(i).plusMillis(500), null);
        }
        offline = deliver(offline, late, back);
        Participation expected = Participation.of(online.state(), end);
        Participation actual = Participation.of(offline, end);
        assertThat(actual.participants()).extracting(e -> e.speakingTime().toMillis(), Participation.Entry::turns)
                .containsExactlyElementsOf(expected.participants().stream()
                        .map(e -> Tuple.of(e.speakingTime().toMillis(), e.turns()))
                        .map(tuple -> org.assertj.core.groups.Tuple.tuple(tuple.get1(), tuple.get2())).toList());
        Statistics.label("taps offline").collect(until - from);
    }

    /** A tap that waits for the connection, with when it was made. */
    record LateTap(Command tap, Instant madeAt) {}

    /** The taps that waited, sent at {@code back}, each saying when it was made. */
    private static Meeting deliver(Meeting m, List<LateTap> late, Instant back) {
        for (LateTap tap : late) {
            m = decideAt(m, Actor.MODERATOR, tap.tap(), back, tap.madeAt());
        }
        late.clear();
        return m;
    }

    private static Meeting decideAt(Meeting m, Actor actor, Command command, Instant now, Instant actedAt) {
        Decision decision = MeetingCore.decide(m, actor, command, now, actedAt);
        if (decision instanceof Decision.Accepted accepted) {
            for (Recorded r : MeetingCore.record(m, accepted)) {
                m = MeetingCore.evolve(m, r);
            }
        }
        return m;
    }

    @Provide
    Arbitrary<List<Tap>> taps() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, 20))
                .as(Tap::new).list().ofMinSize(1).ofMaxSize(40);
    }

    /** Applies steps to a fresh meeting, keeping every state on the way. */
    static final class Run {
        Meeting state = Meeting.none();
        Instant now = START;
        final List<Recorded> stream = new ArrayList<>();
        final List<Meeting> states = new ArrayList<>();
        final List<Meeting> statesBefore = new ArrayList<>();
        final List<Meeting> statesAfter = new ArrayList<>();
        final List<Decision> decisions = new ArrayList<>();
        List<Step> steps;

        static Run of(List<Step> steps) {
            Run run = new Run();
            run.steps = steps;
            for (Step step : steps) {
                run.now = run.now.plusSeconds(step.seconds());
                run.statesBefore.add(run.state);
                Command command = step.command();
                Actor actor = step.actor();
                if (step.advances() && run.state.phase() != Phase.ENDED) {
                    command = new ChangePhase(Phase.values()[run.state.phase().ordinal() + 1]);
                    actor = Actor.MODERATOR;
                }
                Decision d = MeetingCore.decide(run.state, actor, resolve(command, run.state), run.now);
                if (d instanceof Decision.Accepted a) {
                    for (Recorded r : MeetingCore.record(run.state, a)) {
                        run.state = MeetingCore.evolve(run.state, r);
                        run.stream.add(r);
                    }
                }
                run.decisions.add(d);
                run.statesAfter.add(run.state);
                run.states.add(run.state);
            }
            return run;
        }
    }

    @Provide
    Arbitrary<List<Step>> meetings() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, ACTORS.size() - 1),
                Arbitraries.longs(), Arbitraries.integers().between(-5, 120))
                .as((actor, seed, seconds) -> Tuple.of(actor, seed, seconds))
                .map(t -> {
                    Random random = new Random(t.get2());
                    Actor actor = ACTORS.get(t.get1());
                    return new Step(actor, command(random, actor), t.get3(), random.nextInt(100) < 7);
                });
        Step create = new Step(Actor.MODERATOR, new CreateMeeting("Eigenschap", null, null, null, null, null, null), 0, false);
        return step.list().ofMinSize(30).ofMaxSize(150).map(list -> {
            List<Step> all = new ArrayList<>();
            all.add(create);
            all.addAll(list);
            return all;
        });
    }

    /**
     * Replaces references like {@code @q3} (the fourth question, counting round) by the id of
     * something that exists in the meeting now, so that runs screen, ask and answer real questions.
     */
    private static Command resolve(Command command, Meeting m) {
        var components = command.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean changed = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getAccessor().invoke(command);
                if (values[i] instanceof String ref && ref.length() > 2 && ref.charAt(0) == '@') {
                    List<String> ids = switch (ref.charAt(1)) {
                        case 'q' -> m.questions().stream().map(Meeting.Question::id).toList();
                        case 'p' -> m.participants().stream().map(Meeting.Participant::id).toList();
                        case 't' -> m.guide().stream().map(Meeting.Theme::id).toList();
                        default -> m.notes().stream().map(Meeting.Note::id).toList();
                    };
                    int n = Integer.parseInt(ref.substring(2));
                    values[i] = ids.isEmpty() ? "X" : ids.get(n % ids.size());
                    changed = true;
                }
            }
            return changed ? (Command) command.getClass().getDeclaredConstructor(types).newInstance(values) : command;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static final List<String> PARTICIPANTS = List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9");
    private static final Set<String> IDS = Set.of("T1", "T2", "T3", "Q5", "Q9", "Q12", "Q20", "N8", "N14", "K3", "X");

    /** A random command, leaning towards those that move a meeting along, with real and made-up ids. */
    private static Command command(Random r, Actor actor) {
        List<String> ids = new ArrayList<>(IDS);
        ids.addAll(PARTICIPANTS);
        String any = ids.get(r.nextInt(ids.size()));
        String participant = r.nextInt(5) == 0 ? "P" + (1 + r.nextInt(14)) : "@p" + r.nextInt(12);
        String question = r.nextInt(5) == 0 ? "Q" + (1 + r.nextInt(40)) : "@q" + r.nextInt(20);
        String theme = r.nextInt(5) == 0 ? "T" + (1 + r.nextInt(8)) : "@t" + r.nextInt(6);
        Phase phase = Phase.values()[r.nextInt(Phase.values().length)];
        if (actor.role() == Role.LISTENER && r.nextInt(3) > 0) {
            return switch (r.nextInt(4)) {
                case 0 -> new JoinAsListener(r.nextBoolean() ? "Naam" : null);
                case 1 -> new SubmitTopic("Onderwerp");
                case 2 -> new WithdrawQuestion(question);
                default -> new SubmitQuestion("Wat bedoelt u?", r.nextBoolean() ? participant : null,
                        r.nextBoolean() ? theme : null);
            };
        }
        return switch (r.nextInt(36)) {
            case 0, 1 -> new AddTheme("Thema", "Centrale vraag?", 1 + r.nextInt(30));
            case 2, 3 -> new AddParticipant("Naam" + r.nextInt(20), r.nextBoolean() ? null : 1 + r.nextInt(Meeting.MAX_PARTICIPANTS),
                    null, r.nextBoolean(), null);
            case 4, 5, 6 -> new ChangePhase(phase);
            case 7, 8, 9, 10 -> new GiveFloor(participant);
            case 11 -> new ModeratorSpeaks();
            case 12 -> new PauseSpeaking();
            case 13 -> new QueueSpeaker(participant);
            case 14 -> new NextSpeaker();
            case 15 -> new NextTheme();
            case 16 -> new StartTheme(theme);
            case 17 -> new AddNote(r.nextBoolean() ? null : theme, NoteTag.values()[r.nextInt(5)], "Notitie", r.nextBoolean());
            case 18 -> new AcceptQuestion(question);
            case 19 -> new MergeQuestion(question, "@q" + r.nextInt(20));
            case 20 -> new RejectQuestion(question, RejectReason.values()[r.nextInt(4)]);
            case 21 -> new AskQuestion(question);
            case 22 -> new MarkAnswered(question);
            case 23 -> new MoveQuestion(question, r.nextInt(4));
            case 24 -> new RemoveParticipant(participant);
            case 25 -> new MoveQueuedSpeaker(participant, r.nextInt(3));
            case 26 -> new SetTopicsOpen(r.nextBoolean());
            case 27 -> new EditNote(r.nextBoolean() ? "@n" + r.nextInt(10) : "N" + r.nextInt(30), null, "Bewerkt", r.nextBoolean());
            case 28 -> new RemoveTheme(any);
            case 29 -> new SubmitQuestion("Vraag", null, null);
            case 30 -> new RecordAnswer(question, r.nextBoolean() ? "Antwoord" : "");
            case 31 -> new ImportNorm("n" + r.nextInt(3), "Norm");
            case 32 -> new EvaluateNorm("n" + r.nextInt(3), NormVerdict.values()[r.nextInt(3)], null);
            case 33 -> new RecordRoundUp(r.nextBoolean() ? "Samen" : "");
            default -> new AcceptQuestion(question);
        };
    }
}
