package nl.spiegel.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import nl.spiegel.meeting.Command.*;

/**
 * Random meetings for properties: command sequences from random actors at random moments, leaning
 * towards those that move a meeting along, with real and made-up ids.
 */
public final class RandomMeetings {

    private RandomMeetings() {}

    static final List<Actor> ACTORS = List.of(Actor.MODERATOR, Actor.ASSISTANT, Actor.DISPLAY,
            Actor.listener("L1"), Actor.listener("L2"), Actor.listener("L3"));
    static final Instant START = Instant.parse("2027-05-10T09:00:00Z");

    /**
     * One step: who sends what, after how many seconds (sometimes a clock that jumps back). A step
     * that {@code advances} asks for the phase after the current one, so that runs reach the end.
     */
    public record Step(Actor actor, Command command, int seconds, boolean advances) {}

    /** Applies steps to a fresh meeting, keeping every state on the way. */
    public static final class Run {
        public Meeting state = Meeting.none();
        public Instant now = START;
        public final List<Recorded> stream = new ArrayList<>();
        public final List<Meeting> states = new ArrayList<>();
        public final List<Meeting> statesBefore = new ArrayList<>();
        public final List<Meeting> statesAfter = new ArrayList<>();
        public final List<Decision> decisions = new ArrayList<>();
        public List<Step> steps;

        public static Run of(List<Step> steps) {
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

    /** A meeting created, then 30 to 150 random steps. */
    public static Arbitrary<List<Step>> meetings() {
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
                        case 'k' -> m.topics().stream().map(Meeting.Topic::id).toList();
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
        return switch (r.nextInt(44)) {
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
            case 34 -> new DeleteNote("@n" + r.nextInt(10));
            case 35 -> new Whisper("Fluister " + r.nextInt(50));
            case 36 -> new MoveTheme(theme, r.nextInt(4));
            case 37 -> new SetTopicStatus("@k" + r.nextInt(10), TopicStatus.values()[r.nextInt(TopicStatus.values().length)],
                    r.nextBoolean() ? theme : null);
            case 38 -> new CreateAction("@n" + r.nextInt(10), "Actie", "Eigenaar", null, null);
            case 39 -> new UnqueueSpeaker(participant);
            case 40 -> new RestoreQuestion(question);
            case 41 -> new FinalizeReport();
            case 42 -> new RemoveListener("L" + (1 + r.nextInt(3)), r.nextBoolean());
            default -> new AcceptQuestion(question);
        };
    }
}
