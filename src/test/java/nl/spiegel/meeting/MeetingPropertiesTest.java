package nl.spiegel.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import nl.spiegel.meeting.RandomMeetings.Run;
import nl.spiegel.meeting.RandomMeetings.Step;

/** Invariants of the core over random command sequences from random actors at random moments. */
class MeetingPropertiesTest {

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

    @Provide
    Arbitrary<List<Step>> meetings() {
        return RandomMeetings.meetings();
    }
}
