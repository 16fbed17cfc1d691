package nl.spiegel.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import nl.spiegel.meeting.Event.*;
import nl.spiegel.meeting.Meeting.ActionChange;
import nl.spiegel.meeting.Meeting.Action;
import nl.spiegel.meeting.Meeting.Admission;
import nl.spiegel.meeting.Meeting.Details;
import nl.spiegel.meeting.Meeting.Guide;
import nl.spiegel.meeting.Meeting.Listener;
import nl.spiegel.meeting.Meeting.Note;
import nl.spiegel.meeting.Meeting.Participant;
import nl.spiegel.meeting.Meeting.Question;
import nl.spiegel.meeting.Meeting.QuestionQueue;
import nl.spiegel.meeting.Meeting.ReportState;
import nl.spiegel.meeting.Meeting.RetentionPolicy;
import nl.spiegel.meeting.Meeting.Speaker;
import nl.spiegel.meeting.Meeting.Theme;
import nl.spiegel.meeting.Meeting.ThemeClock;
import nl.spiegel.meeting.Meeting.Timeline;
import nl.spiegel.meeting.Meeting.Topic;
import nl.spiegel.meeting.Meeting.TopicList;
import nl.spiegel.meeting.Meeting.Turn;

/**
 * {@link MeetingCore#evolve}: folds one recorded event into a meeting, one method per section of
 * {@link Event}. An event changes its own part of the state; the few that reach further (a phase
 * change stops the theme clock and ends the turn, a new theme splits the turn) say so where they do.
 */
final class Evolution {

    private Evolution() {}

    static Meeting evolve(Meeting before, Recorded r) {
        Meeting m = before.recorded(r.seq(), r.at(), newIds(r.event()));
        Instant at = r.at();
        return switch (r.event()) {
            case Event.Preparation e -> preparation(m, e, at);
            case Event.Topics e -> topics(m, e, at);
            case Event.Access e -> access(m, e, at);
            case Event.Phases e -> phases(m, e, at);
            case Event.Floor e -> floor(m, e, at);
            case Event.Themes e -> themes(m, e, at);
            case Event.Notes e -> notes(m, e, at);
            case Event.Questions e -> questions(m, e, at);
            case Event.Reporting e -> reporting(m, e);
            case Event.FollowUp e -> followUp(m, e, at);
        };
    }

    /** Events that create something with a new id, drawn from the meeting's counter. */
    private static int newIds(Event event) {
        return switch (event) {
            case ThemeAdded e -> 1;
            case ParticipantAdded e -> 1;
            case TopicSubmitted e -> 1;
            case NoteAdded e -> 1;
            case Whispered e -> 1;
            case QuestionSubmitted e -> 1;
            case ActionCreated e -> 1;
            default -> 0;
        };
    }

    private static Meeting preparation(Meeting m, Event.Preparation event, Instant at) {
        Details d = m.details();
        List<Theme> guide = m.guide();
        return switch (event) {
            case MeetingCreated e -> m.withHeader(true, at, new Details(e.title(), e.goal(), e.targetGroup(),
                    e.scheduledStart(), e.plannedMinutes(), e.language(), e.houseRules(), null, null))
                    .withTimeline(new Timeline(m.phase(), at, null, null));
            case DetailsUpdated e -> m.withHeader(true, m.createdAt(), new Details(e.title(), e.goal(), e.targetGroup(),
                    e.scheduledStart(), e.plannedMinutes(), d.language(), d.houseRules(), e.place(), e.turnLimitSeconds()));
            case HouseRulesSet e -> m.withHeader(true, m.createdAt(), new Details(d.title(), d.goal(), d.targetGroup(),
                    d.scheduledStart(), d.plannedMinutes(), d.language(), e.text(), d.place(), d.turnLimitSeconds()));
            case ThemeAdded e -> m.withGuide(new Guide(added(guide, new Theme(e.themeId(), e.title(), e.centralQuestion(),
                    e.minutes())), m.themeClock()));
            case ThemeEdited e -> m.withGuide(new Guide(replaced(guide, t -> t.id().equals(e.themeId()),
                    t -> new Theme(t.id(), e.title(), e.centralQuestion(), e.minutes())), m.themeClock()));
            case ThemeRemoved e -> m.withGuide(new Guide(removed(guide, t -> t.id().equals(e.themeId())), m.themeClock()));
            case ThemeMoved e -> m.withGuide(new Guide(moved(guide, t -> t.id().equals(e.themeId()), e.position()),
                    m.themeClock()));
            case ParticipantAdded e -> m.withParticipants(added(m.participants(),
                    new Participant(e.participantId(), e.pseudonym(), e.seat(), e.briefed())));
            case ParticipantEdited e -> m.withParticipants(replaced(m.participants(), p -> p.id().equals(e.participantId()),
                    p -> new Participant(p.id(), e.pseudonym(), e.seat(), e.briefed())));
            // Someone who leaves the circle leaves the speaker queue too.
            case ParticipantRemoved e -> m.withParticipants(removed(m.participants(), p -> p.id().equals(e.participantId())))
                    .withFloor(new Meeting.Floor(m.floor().speaker(), removed(m.floor().queue(), e.participantId()::equals),
                            m.floor().turns()));
        };
    }

    private static Meeting topics(Meeting m, Event.Topics event, Instant at) {
        List<Topic> topics = m.topics();
        return switch (event) {
            case TopicsOpenSet e -> m.withTopics(new TopicList(e.open(), topics));
            case TopicSubmitted e -> m.withTopics(new TopicList(m.topicsOpen(),
                    added(topics, new Topic(e.topicId(), e.listenerId(), e.text(), TopicStatus.NEW, at))));
            case TopicStatusSet e -> m.withTopics(new TopicList(m.topicsOpen(), replaced(topics,
                    t -> t.id().equals(e.topicId()), t -> new Topic(t.id(), t.listenerId(), t.text(), e.status(), t.at()))));
        };
    }

    private static Meeting access(Meeting m, Event.Access event, Instant at) {
        return switch (event) {
            case ListenerJoined e -> {
                Map<String, Listener> listeners = new LinkedHashMap<>(m.listeners());
                Listener known = listeners.get(e.listenerId());
                listeners.put(e.listenerId(), new Listener(e.listenerId(), e.displayName(),
                        known == null ? at : known.joinedAt()));
                yield m.withAdmission(new Admission(listeners, m.joiningOpen(), m.listenerLimit()));
            }
            case ListenerRemoved e -> {
                Map<String, Listener> listeners = new LinkedHashMap<>(m.listeners());
                listeners.remove(e.listenerId());
                Meeting removed = m.withAdmission(new Admission(listeners, m.joiningOpen(), m.listenerLimit()));
                if (e.questionsKept()) {
                    yield removed;
                }
                yield removed
                        .withQuestions(new QuestionQueue(removed(m.questions(), q -> q.listenerId().equals(e.listenerId())
                                && q.status() == QuestionStatus.WAITING), m.clarifying().queue()))
                        .withTopics(new TopicList(m.topicsOpen(), removed(m.topics(), t -> t.listenerId().equals(e.listenerId())
                                && t.status() == TopicStatus.NEW)));
            }
            case JoiningSet e -> m.withAdmission(new Admission(m.listeners(), e.open(), e.listenerLimit()));
            case RetentionSet e -> m.withRetention(new RetentionPolicy(e.days(), e.keepAnonymised()));
        };
    }

    private static Meeting phases(Meeting m, Event.Phases event, Instant at) {
        return switch (event) {
            case PhaseChanged e -> {
                Phase to = e.to();
                Timeline t = m.timeline();
                Meeting next = m.withTimeline(new Timeline(to, at,
                        to == Phase.OPENING && t.openedAt() == null ? at : t.openedAt(),
                        to == Phase.ENDED ? at : t.endedAt()));
                if (to != Phase.CONVERSATION) {
                    next = next.withGuide(stopTheme(next.conversationGuide(), at));
                }
                if (!to.live()) {
                    next = next.withFloor(closeSpeaker(next.floor(), at));
                }
                if (to == Phase.ENDED) {
                    next = next.withFloor(new Meeting.Floor(next.floor().speaker(), List.of(), next.floor().turns()));
                }
                if (to.questionsReleased()) {
                    // Accepted questions become visible to every listener.
                    next = next.withQuestions(new QuestionQueue(replaced(next.questions(),
                            q -> q.status().inQueue() && !q.released(), q -> withStatus(q, q.status(), true)),
                            next.questionQueue()));
                }
                yield next;
            }
        };
    }

    private static Meeting floor(Meeting m, Event.Floor event, Instant at) {
        Meeting.Floor f = m.floor();
        return switch (event) {
            case FloorGiven e -> {
                Meeting.Floor closed = closeSpeaker(f, at);
                yield m.withFloor(new Meeting.Floor(new Speaker(e.participantId(), m.currentThemeId(), at, false),
                        removed(closed.queue(), e.participantId()::equals), closed.turns()));
            }
            case ModeratorSpeaking e -> {
                Meeting.Floor closed = closeSpeaker(f, at);
                yield m.withFloor(new Meeting.Floor(new Speaker(null, m.currentThemeId(), at, false), closed.queue(), closed.turns()));
            }
            case SpeakingPaused e -> m.withFloor(closeSpeaker(f, at));
            case SpeakerQueued e -> m.withFloor(new Meeting.Floor(f.speaker(), added(f.queue(), e.participantId()), f.turns()));
            case SpeakerUnqueued e -> m.withFloor(new Meeting.Floor(f.speaker(), removed(f.queue(), e.participantId()::equals),
                    f.turns()));
            case SpeakerMoved e -> m.withFloor(new Meeting.Floor(f.speaker(), moved(f.queue(), e.participantId()::equals,
                    e.position()), f.turns()));
        };
    }

    private static Meeting themes(Meeting m, Event.Themes event, Instant at) {
        return switch (event) {
            case ThemeStarted e -> {
                ThemeClock stopped = stopTheme(m.conversationGuide(), at).clock();
                Meeting next = m.withGuide(new Guide(m.guide(), new ThemeClock(e.themeId(), at, e.themeId(), stopped.spent())));
                Speaker speaker = m.floor().speaker();
                if (speaker != null) {
                    // The turn goes on into the new theme: a new stretch, not a new turn.
                    Meeting.Floor closed = closeSpeaker(m.floor(), at);
                    next = next.withFloor(new Meeting.Floor(new Speaker(speaker.participantId(), e.themeId(), at, true),
                            closed.queue(), closed.turns()));
                }
                yield next;
            }
        };
    }

    private static Meeting notes(Meeting m, Event.Notes event, Instant at) {
        return switch (event) {
            case NoteAdded e -> m.withNotes(added(m.notes(),
                    new Note(e.noteId(), e.themeId(), e.tag(), e.text(), e.shared(), e.author(), at, null)));
            case NoteEdited e -> m.withNotes(replaced(m.notes(), n -> n.id().equals(e.noteId()),
                    n -> new Note(n.id(), n.themeId(), e.tag(), e.text(), e.shared(), n.author(), n.at(), at)));
            case NoteDeleted e -> m.withNotes(removed(m.notes(), n -> n.id().equals(e.noteId())));
            case Whispered e -> {
                List<Meeting.Whisper> whispers = added(m.whispers(), new Meeting.Whisper(e.whisperId(), e.from(), e.text(), at));
                yield m.withWhispers(whispers.size() > Meeting.MAX_WHISPERS
                        ? List.copyOf(whispers.subList(whispers.size() - Meeting.MAX_WHISPERS, whispers.size())) : whispers);
            }
        };
    }

    private static Meeting questions(Meeting m, Event.Questions event, Instant at) {
        QuestionQueue q = m.clarifying();
        return switch (event) {
            case QuestionSubmitted e -> m.withQuestions(new QuestionQueue(added(q.questions(), new Question(e.questionId(),
                    e.listenerId(), e.text(), e.participantId(), e.themeId(), QuestionStatus.WAITING, null, null, false, at)),
                    q.queue()));
            case QuestionWithdrawn e -> m.withQuestions(status(m, q, e.questionId(), QuestionStatus.WITHDRAWN));
            case QuestionAccepted e -> {
                QuestionQueue accepted = status(m, q, e.questionId(), QuestionStatus.ACCEPTED);
                yield m.withQuestions(new QuestionQueue(accepted.questions(), added(accepted.queue(), e.questionId())));
            }
            case QuestionMerged e -> {
                QuestionQueue merged = status(m, q, e.questionId(), QuestionStatus.MERGED);
                // Questions merged into this one follow it into the other.
                yield m.withQuestions(new QuestionQueue(replaced(merged.questions(),
                        o -> e.questionId().equals(o.mergedInto()) || o.id().equals(e.questionId()),
                        o -> new Question(o.id(), o.listenerId(), o.text(), o.participantId(), o.themeId(), o.status(),
                                null, e.intoQuestionId(), o.released(), o.submittedAt())), merged.queue()));
            }
            case QuestionRejected e -> {
                QuestionQueue rejected = status(m, q, e.questionId(), QuestionStatus.REJECTED);
                yield m.withQuestions(new QuestionQueue(replaced(rejected.questions(), o -> o.id().equals(e.questionId()),
                        o -> new Question(o.id(), o.listenerId(), o.text(), o.participantId(), o.themeId(), o.status(),
                                e.reason(), null, o.released(), o.submittedAt())), rejected.queue()));
            }
            case QuestionMoved e -> m.withQuestions(new QuestionQueue(q.questions(),
                    moved(q.queue(), e.questionId()::equals, e.position())));
            case QuestionAsked e -> m.withQuestions(status(m, q, e.questionId(), QuestionStatus.ASKING));
            case QuestionAnswered e -> m.withQuestions(status(m, q, e.questionId(), QuestionStatus.ANSWERED));
            case QuestionRestored e -> m.withQuestions(status(m, q, e.questionId(), QuestionStatus.WAITING));
        };
    }

    private static Meeting reporting(Meeting m, Event.Reporting event) {
        ReportState r = m.reporting();
        return switch (event) {
            case ReportEdited e -> m.withReporting(new ReportState(new Report.Draft(e.summary(), e.conclusions(),
                    List.copyOf(e.serviceNorms()), Set.copyOf(e.excludedNoteIds()), e.namesShown()), r.versions()));
            case ReportFinalized e -> m.withReporting(new ReportState(r.draft(), added(r.versions(), e.report())));
        };
    }

    private static Meeting followUp(Meeting m, Event.FollowUp event, Instant at) {
        return switch (event) {
            case ActionCreated e -> m.withActions(added(m.actions(), new Action(e.actionId(), e.noteId(), e.title(),
                    e.owner(), e.due(), ActionStatus.OPEN,
                    List.of(new ActionChange(at, e.title(), e.owner(), e.due(), ActionStatus.OPEN)))));
            case ActionUpdated e -> m.withActions(replaced(m.actions(), a -> a.id().equals(e.actionId()),
                    a -> new Action(a.id(), a.noteId(), e.title(), e.owner(), e.due(), e.status(),
                            added(a.history(), new ActionChange(at, e.title(), e.owner(), e.due(), e.status())))));
        };
    }

    /** The running turn, if any, becomes a finished stretch at {@code at}. */
    private static Meeting.Floor closeSpeaker(Meeting.Floor f, Instant at) {
        Speaker s = f.speaker();
        if (s == null) {
            return f;
        }
        return new Meeting.Floor(null, f.queue(), added(f.turns(), new Turn(s.participantId(), s.themeId(), s.since(), at,
                s.continued())));
    }

    /** The running theme, if any, adds its time to what was spent on it. */
    private static Guide stopTheme(Guide guide, Instant at) {
        ThemeClock clock = guide.clock();
        String current = clock.current();
        if (current == null) {
            return guide;
        }
        Map<String, Duration> spent = new HashMap<>(clock.spent());
        spent.merge(current, Duration.between(clock.since(), at), Duration::plus);
        return new Guide(guide.themes(), new ThemeClock(null, null, current, Map.copyOf(spent)));
    }

    /** A question in a new status; once questions are released, one that enters the queue is released too. */
    private static QuestionQueue status(Meeting m, QuestionQueue q, String questionId, QuestionStatus status) {
        boolean released = m.phase().questionsReleased();
        List<Question> questions = replaced(q.questions(), o -> o.id().equals(questionId),
                o -> withStatus(o, status, o.released() || (released && status.inQueue())));
        return new QuestionQueue(questions, status.inQueue() ? q.queue() : removed(q.queue(), questionId::equals));
    }

    private static Question withStatus(Question q, QuestionStatus status, boolean released) {
        return new Question(q.id(), q.listenerId(), q.text(), q.participantId(), q.themeId(), status,
                status == QuestionStatus.REJECTED ? q.rejectReason() : null,
                status == QuestionStatus.MERGED ? q.mergedInto() : null, released, q.submittedAt());
    }

    private static <T> List<T> added(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return List.copyOf(copy);
    }

    private static <T> List<T> removed(List<T> list, Predicate<T> which) {
        List<T> copy = new ArrayList<>(list);
        copy.removeIf(which);
        return List.copyOf(copy);
    }

    private static <T> List<T> replaced(List<T> list, Predicate<T> which, UnaryOperator<T> change) {
        List<T> copy = new ArrayList<>(list.size());
        for (T item : list) {
            copy.add(which.test(item) ? change.apply(item) : item);
        }
        return List.copyOf(copy);
    }

    private static <T> List<T> moved(List<T> list, Predicate<T> which, int position) {
        List<T> copy = new ArrayList<>(list);
        T item = copy.stream().filter(which).findFirst().orElse(null);
        if (item == null) {
            return list;
        }
        copy.remove(item);
        copy.add(Math.min(position, copy.size()), item);
        return List.copyOf(copy);
    }
}
