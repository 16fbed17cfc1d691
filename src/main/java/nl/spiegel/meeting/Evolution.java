package nl.spiegel.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import nl.spiegel.meeting.Event.*;
import nl.spiegel.meeting.Meeting.*;

/** {@link MeetingCore#evolve}: folds one recorded event into a meeting. */
final class Evolution {

    private Evolution() {}

    static Meeting evolve(Meeting m, Recorded r) {
        Draft d = new Draft(m, r.at());
        d.seq = r.seq();
        d.lastAt = r.at();
        Instant at = r.at();
        switch (r.event()) {
            case MeetingCreated e -> {
                d.exists = true;
                d.createdAt = at;
                d.phaseSince = at;
                d.details = new Details(e.title(), e.goal(), e.targetGroup(), e.scheduledStart(), e.plannedMinutes(),
                        e.language(), e.houseRules());
            }
            case DetailsUpdated e -> d.details = new Details(e.title(), e.goal(), e.targetGroup(), e.scheduledStart(),
                    e.plannedMinutes(), d.details.language(), d.details.houseRules());
            case HouseRulesSet e -> d.details = new Details(d.details.title(), d.details.goal(), d.details.targetGroup(),
                    d.details.scheduledStart(), d.details.plannedMinutes(), d.details.language(), e.text());
            case ThemeAdded e -> {
                d.lastId++;
                d.guide = added(d.guide, new Theme(e.themeId(), e.title(), e.centralQuestion(), e.minutes()));
            }
            case ThemeEdited e -> d.guide = replaced(d.guide, t -> t.id().equals(e.themeId()),
                    t -> new Theme(t.id(), e.title(), e.centralQuestion(), e.minutes()));
            case ThemeRemoved e -> d.guide = removed(d.guide, t -> t.id().equals(e.themeId()));
            case ThemeMoved e -> d.guide = moved(d.guide, t -> t.id().equals(e.themeId()), e.position());
            case ParticipantAdded e -> {
                d.lastId++;
                d.participants = added(d.participants, new Participant(e.participantId(), e.pseudonym(), e.seat(), e.briefed()));
            }
            case ParticipantEdited e -> d.participants = replaced(d.participants, p -> p.id().equals(e.participantId()),
                    p -> new Participant(p.id(), e.pseudonym(), e.seat(), e.briefed()));
            case ParticipantRemoved e -> {
                d.participants = removed(d.participants, p -> p.id().equals(e.participantId()));
                d.queue = removed(d.queue, e.participantId()::equals);
            }
            case TopicsOpenSet e -> d.topicsOpen = e.open();
            case TopicSubmitted e -> {
                d.lastId++;
                d.topics = added(d.topics, new Topic(e.topicId(), e.listenerId(), e.text(), TopicStatus.NEW, at));
            }
            case TopicStatusSet e -> d.topics = replaced(d.topics, t -> t.id().equals(e.topicId()),
                    t -> new Topic(t.id(), t.listenerId(), t.text(), e.status(), t.at()));
            case ListenerJoined e -> {
                Map<String, Listener> listeners = new LinkedHashMap<>(d.listeners);
                Listener known = listeners.get(e.listenerId());
                listeners.put(e.listenerId(), new Listener(e.listenerId(), e.displayName(),
                        known == null ? at : known.joinedAt()));
                d.listeners = listeners;
            }
            case RetentionSet e -> {
                d.retentionDays = e.days();
                d.keepAnonymised = e.keepAnonymised();
            }
            case JoiningSet e -> {
                d.joiningOpen = e.open();
                d.listenerLimit = e.listenerLimit();
            }
            case PhaseChanged e -> {
                d.phase = e.to();
                d.phaseSince = at;
                if (e.to() == Phase.OPENING && d.openedAt == null) {
                    d.openedAt = at;
                }
                if (e.to() == Phase.ENDED) {
                    d.endedAt = at;
                    d.queue = List.of();
                }
                if (e.to() != Phase.CONVERSATION) {
                    d.stopTheme();
                }
                if (!e.to().live()) {
                    d.closeSpeaker();
                }
                if (e.to().questionsReleased()) {
                    d.questions = replaced(d.questions, q -> q.status().inQueue() && !q.released(),
                            q -> withStatus(q, q.status(), true));
                }
            }
            case FloorGiven e -> {
                d.closeSpeaker();
                d.speaker = new Speaker(e.participantId(), d.themeClock.current(), at, false);
                d.queue = removed(d.queue, e.participantId()::equals);
            }
            case ModeratorSpeaking e -> {
                d.closeSpeaker();
                d.speaker = new Speaker(null, d.themeClock.current(), at, false);
            }
            case SpeakingPaused e -> d.closeSpeaker();
            case SpeakerQueued e -> d.queue = added(d.queue, e.participantId());
            case SpeakerUnqueued e -> d.queue = removed(d.queue, e.participantId()::equals);
            case SpeakerMoved e -> d.queue = moved(d.queue, e.participantId()::equals, e.position());
            case ThemeStarted e -> {
                d.stopTheme();
                d.themeClock = new ThemeClock(e.themeId(), at, e.themeId(), d.themeClock.spent());
                if (d.speaker != null) {
                    // The turn goes on into the new theme: a new stretch, not a new turn.
                    Speaker speaker = d.speaker;
                    d.closeSpeaker();
                    d.speaker = new Speaker(speaker.participantId(), e.themeId(), at, true);
                }
            }
            case NoteAdded e -> {
                d.lastId++;
                d.notes = added(d.notes, new Note(e.noteId(), e.themeId(), e.tag(), e.text(), e.shared(), e.author(), at, null));
            }
            case NoteEdited e -> d.notes = replaced(d.notes, n -> n.id().equals(e.noteId()),
                    n -> new Note(n.id(), n.themeId(), e.tag(), e.text(), e.shared(), n.author(), n.at(), at));
            case NoteDeleted e -> d.notes = removed(d.notes, n -> n.id().equals(e.noteId()));
            case QuestionSubmitted e -> {
                d.lastId++;
                d.questions = added(d.questions, new Question(e.questionId(), e.listenerId(), e.text(), e.participantId(),
                        e.themeId(), QuestionStatus.WAITING, null, null, false, at));
            }
            case QuestionWithdrawn e -> d.setQuestionStatus(e.questionId(), QuestionStatus.WITHDRAWN);
            case QuestionAccepted e -> {
                d.setQuestionStatus(e.questionId(), QuestionStatus.ACCEPTED);
                d.questionQueue = added(d.questionQueue, e.questionId());
            }
            case QuestionMerged e -> {
                d.setQuestionStatus(e.questionId(), QuestionStatus.MERGED);
                d.questions = replaced(d.questions, q -> e.questionId().equals(q.mergedInto()) || q.id().equals(e.questionId()),
                        q -> new Question(q.id(), q.listenerId(), q.text(), q.participantId(), q.themeId(), q.status(),
                                null, e.intoQuestionId(), q.released(), q.submittedAt()));
            }
            case QuestionRejected e -> {
                d.setQuestionStatus(e.questionId(), QuestionStatus.REJECTED);
                d.questions = replaced(d.questions, q -> q.id().equals(e.questionId()),
                        q -> new Question(q.id(), q.listenerId(), q.text(), q.participantId(), q.themeId(), q.status(),
                                e.reason(), null, q.released(), q.submittedAt()));
            }
            case QuestionMoved e -> d.questionQueue = moved(d.questionQueue, e.questionId()::equals, e.position());
            case QuestionAsked e -> d.setQuestionStatus(e.questionId(), QuestionStatus.ASKING);
            case QuestionAnswered e -> d.setQuestionStatus(e.questionId(), QuestionStatus.ANSWERED);
            case ReportEdited e -> d.reportDraft = new Report.Draft(e.summary(), e.conclusions(),
                    List.copyOf(e.serviceNorms()), java.util.Set.copyOf(e.excludedNoteIds()));
            case ReportFinalized e -> d.reports = added(d.reports, e.report());
            case ActionCreated e -> {
                d.lastId++;
                d.actions = added(d.actions, new Action(e.actionId(), e.noteId(), e.title(), e.owner(), e.due(),
                        ActionStatus.OPEN, List.of(new ActionChange(at, e.title(), e.owner(), e.due(), ActionStatus.OPEN))));
            }
            case ActionUpdated e -> d.actions = replaced(d.actions, a -> a.id().equals(e.actionId()),
                    a -> new Action(a.id(), a.noteId(), e.title(), e.owner(), e.due(), e.status(),
                            added(a.history(), new ActionChange(at, e.title(), e.owner(), e.due(), e.status()))));
        }
        return d.build();
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

    /** A meeting being changed by one event. */
    private static final class Draft {
        final Instant at;
        boolean exists;
        long seq;
        Instant createdAt;
        Instant lastAt;
        int lastId;
        Details details;
        Phase phase;
        Instant phaseSince;
        Instant openedAt;
        Instant endedAt;
        List<Theme> guide;
        ThemeClock themeClock;
        List<Participant> participants;
        Speaker speaker;
        List<String> queue;
        List<Turn> turns;
        List<Note> notes;
        List<Question> questions;
        List<String> questionQueue;
        boolean topicsOpen;
        List<Topic> topics;
        Map<String, Listener> listeners;
        boolean joiningOpen;
        Integer listenerLimit;
        Report.Draft reportDraft;
        List<Report> reports;
        List<Action> actions;
        Integer retentionDays;
        boolean keepAnonymised;

        Draft(Meeting m, Instant at) {
            this.at = at;
            exists = m.exists();
            seq = m.seq();
            createdAt = m.createdAt();
            lastAt = m.lastAt();
            lastId = m.lastId();
            details = m.details();
            phase = m.phase();
            phaseSince = m.phaseSince();
            openedAt = m.openedAt();
            endedAt = m.endedAt();
            guide = m.guide();
            themeClock = m.themeClock();
            participants = m.participants();
            speaker = m.floor().speaker();
            queue = m.floor().queue();
            turns = m.floor().turns();
            notes = m.notes();
            questions = m.questions();
            questionQueue = m.questionQueue();
            topicsOpen = m.topicsOpen();
            topics = m.topics();
            listeners = m.listeners();
            joiningOpen = m.joiningOpen();
            listenerLimit = m.listenerLimit();
            reportDraft = m.reportDraft();
            reports = m.reports();
            actions = m.actions();
            retentionDays = m.retentionDays();
            keepAnonymised = m.keepAnonymised();
        }

        void closeSpeaker() {
            if (speaker != null) {
                turns = added(turns, new Turn(speaker.participantId(), speaker.themeId(), speaker.since(), at,
                        speaker.continued()));
                speaker = null;
            }
        }

        void stopTheme() {
            String current = themeClock.current();
            if (current != null) {
                Map<String, Duration> spent = new HashMap<>(themeClock.spent());
                spent.merge(current, Duration.between(themeClock.since(), at), Duration::plus);
                themeClock = new ThemeClock(null, null, current, Map.copyOf(spent));
            }
        }

        void setQuestionStatus(String questionId, QuestionStatus status) {
            boolean released = phase.questionsReleased();
            questions = replaced(questions, q -> q.id().equals(questionId),
                    q -> withStatus(q, status, q.released() || (released && status.inQueue())));
            if (!status.inQueue()) {
                questionQueue = removed(questionQueue, questionId::equals);
            }
        }

        Meeting build() {
            return new Meeting(exists, seq, createdAt, lastAt, lastId, details, phase, phaseSince, openedAt, endedAt,
                    guide, themeClock, participants, new Floor(speaker, queue, turns), notes, questions, questionQueue,
                    topicsOpen, topics, listeners, joiningOpen, listenerLimit, reportDraft, reports, actions, retentionDays, keepAnonymised);
        }
    }
}
