package nl.spiegel.meeting;

import static nl.spiegel.meeting.Lists.*;
import static nl.spiegel.meeting.Rejection.Reason.*;
import static nl.spiegel.meeting.Rules.*;

import java.time.Instant;
import java.util.List;

import nl.spiegel.meeting.Command.CreateAction;
import nl.spiegel.meeting.Command.SaveLetter;
import nl.spiegel.meeting.Command.UpdateAction;
import nl.spiegel.meeting.Event.ActionCreated;
import nl.spiegel.meeting.Event.ActionUpdated;
import nl.spiegel.meeting.Event.LetterSaved;
import nl.spiegel.meeting.Meeting.Action;
import nl.spiegel.meeting.Meeting.ActionChange;

/**
 * The follow-up section: after the meeting, improvement points and wishes become actions, and the
 * letter to the participants is written, each save kept as a version.
 */
public record FollowUp(List<Action> actions, List<Letter> letters) {

    static final FollowUp EMPTY = new FollowUp(List.of(), List.of());

    /** Versions of the letter a meeting keeps. */
    public static final int MAX_LETTERS = 50;

    /** A saved version of the letter's own words: its greeting, its closing paragraph and its signature. */
    public record Letter(int version, Instant at, String greeting, String closing, String signature) {}

    /** Improvement points and wishes become actions, each worded as the organisation will carry it out. */
    static boolean canBecomeAction(Meeting.Note note) {
        return note.tag() == NoteTag.IMPROVEMENT_POINT || note.tag() == NoteTag.WISH;
    }

    static List<Event> decide(Meeting m, Actor actor, Command.FollowUp command) {
        requirePhase(m, Phase.ENDED);
        return switch (command) {
            case CreateAction c -> {
                Meeting.Note note = note(m, c.noteId(), "noteId");
                // An organiser knows only what the finalised report published; other notes do not exist for them.
                if (actor.role() == Role.ORGANISER && !Report.publishedNoteIds(m).contains(note.id())) {
                    throw refuse(UNKNOWN_NOTE.about("noteId"));
                }
                if (!canBecomeAction(note)) {
                    throw refuse(Rejection.invalid("noteId", new Rejection.Detail.NotActionable()));
                }
                String title = c.title() == null || c.title().isBlank() ? abbreviate(note.text()) : text("title", c.title(), 1, 200);
                yield List.of(new ActionCreated("A" + nextId(m), note.id(), title, text("owner", c.owner(), 1, 100), c.due(),
                        optional("publicTitle", c.publicTitle(), 200)));
            }
            case UpdateAction c -> {
                Meeting.Action a = lookup(m.action(c.actionId()), UNKNOWN_ACTION, "actionId");
                if (actor.role() == Role.ORGANISER && !Report.publishedNoteIds(m).contains(a.noteId())) {
                    throw refuse(UNKNOWN_ACTION.about("actionId"));
                }
                boolean noDue = Boolean.TRUE.equals(c.noDue());
                if (noDue && c.due() != null) {
                    throw refuse(Rejection.invalid("noDue", new Rejection.Detail.DateOrNone()));
                }
                yield List.of(new ActionUpdated(a.id(), c.title() == null ? a.title() : text("title", c.title(), 1, 200),
                        c.owner() == null ? a.owner() : text("owner", c.owner(), 1, 100), noDue ? null : c.due() == null ? a.due() : c.due(),
                        c.status() == null ? a.status() : c.status(),
                        c.publicTitle() == null ? a.publicTitle() : optional("publicTitle", c.publicTitle(), 200)));
            }
            case SaveLetter c -> {
                require(m.followUp().letters().size() < MAX_LETTERS, LETTER_FULL);
                yield List.of(new LetterSaved(text("greeting", c.greeting(), 1, 200), text("closing", c.closing(), 1, 4000),
                        text("signature", c.signature(), 1, 500)));
            }
        };
    }

    /** An action's title from its improvement point, when none was given. */
    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    static Meeting evolve(Meeting m, Event.FollowUp event, Instant at) {
        List<Action> actions = m.actions();
        List<Letter> letters = m.followUp().letters();
        return switch (event) {
            case ActionCreated e -> m.with(new FollowUp(added(actions, new Action(e.actionId(), e.noteId(), e.title(),
                    e.owner(), e.due(), ActionStatus.OPEN,
                    List.of(new ActionChange(at, e.title(), e.owner(), e.due(), ActionStatus.OPEN, e.publicTitle())),
                    e.publicTitle())), letters));
            case ActionUpdated e -> m.with(new FollowUp(replaced(actions, a -> a.id().equals(e.actionId()),
                    a -> new Action(a.id(), a.noteId(), e.title(), e.owner(), e.due(), e.status(),
                            added(a.history(), new ActionChange(at, e.title(), e.owner(), e.due(), e.status(), e.publicTitle())),
                            e.publicTitle())), letters));
            case LetterSaved e -> m.with(new FollowUp(actions, added(letters,
                    new Letter(letters.size() + 1, at, e.greeting(), e.closing(), e.signature()))));
        };
    }
}
