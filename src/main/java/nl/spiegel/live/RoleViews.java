package nl.spiegel.live;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Views;
import nl.spiegel.meeting.Views.Own;

/**
 * The views each role group was last sent, as the core's records; their components are the sections
 * a change can carry. Listeners share one view; their own questions and topics are kept apart, only
 * for those who have any, so an event costs one projection, not one per listener.
 *
 * <p>An event that changes nothing a group sees, other than the time its view was made, sends that
 * group nothing (decision 0044): a listener joining a town-hall meeting changes the moderator's view
 * only. Such a group keeps the view it was last sent, so that its next change is the difference from
 * what its clients hold. Whether an event changes a group's view depends on that event alone, so
 * every node makes the same changes from the same stream.
 */
final class RoleViews {

    final Views.ModeratorView moderator;
    final Views.DisplayView display;
    /** The listeners' shared view, without anyone's own part. */
    final Views.ListenerView listeners;
    /** Per listener id, for the listeners who asked or handed in something: always the latest. */
    final Map<String, Own> personal;
    /** The public follow-up page's live part. */
    final Views.FollowUpView followUp;

    private RoleViews(Views.ModeratorView moderator, Views.DisplayView display, Views.ListenerView listeners,
                      Map<String, Own> personal, Views.FollowUpView followUp) {
        this.moderator = moderator;
        this.display = display;
        this.listeners = listeners;
        this.personal = personal;
        this.followUp = followUp;
    }

    static final RoleViews EMPTY = new RoleViews(null, null, null, Map.of(), null);

    /** Projects the meeting at {@code at}: a view at a seq is the same wherever and whenever made. */
    static RoleViews of(Meeting m, Instant at) {
        return new RoleViews(Views.moderator(m, at), Views.display(m, at), shared(m, at), Views.own(m),
                Views.followUp(m, at));
    }

    /**
     * Whether the event that made {@code before} into {@code m} at {@code at} changed what the
     * display, the listeners (their shared view) and the follow-up page see.
     */
    record Changed(boolean display, boolean listeners, boolean followUp) {

        static Changed by(Meeting before, Meeting m, Instant at) {
            return new Changed(changed(before, Views.display(m, at), Views::display, at, SEQ),
                    changed(before, shared(m, at), RoleViews::shared, at, SEQ_AND_PERSONAL),
                    changed(before, Views.followUp(m, at), Views::followUp, at, SEQ));
        }
    }

    /**
     * Whether the event that made {@code before} into the meeting whose view is {@code after} changed
     * what the group sees: both made at that moment, they differ in more than the seq and
     * {@code ignored}. Running times then are alike, as a client extends them.
     */
    private static <V extends Record> boolean changed(Meeting before, V after, BiFunction<Meeting, Instant, V> project,
                                                      Instant at, Set<String> ignored) {
        return !before.exists() || !Delta.same(project.apply(before, at), after, ignored);
    }

    /** The view a group was sent, if the event changed nothing it sees, else {@code after}. */
    private static <V extends Record> V kept(V sent, Meeting before, V after, BiFunction<Meeting, Instant, V> project,
                                             Instant at, Set<String> ignored) {
        return sent != null && !changed(before, after, project, at, ignored) ? sent : after;
    }

    private static Views.ListenerView shared(Meeting m, Instant at) {
        return Views.listener(m, null, at);
    }

    Own own(String listenerId) {
        return personal.getOrDefault(listenerId, Own.NONE);
    }

    Views.ListenerView listenerView(String listenerId) {
        return listeners.with(own(listenerId));
    }

    /**
     * The change frames one event makes, written: one per role group, and one for each listener whose
     * own part changed; {@code null} for a group the event changed nothing for. {@code …Retracts}: the
     * change takes a text out of that group's view.
     */
    record Changes(String moderator, String display, String listeners, Map<String, String> personal, String followUp,
                   boolean displayRetracts, boolean listenersRetract, boolean followUpRetracts) {}

    /** The views as sent after an event, and the frames that sent them. */
    record Next(RoleViews sent, Changes changes) {}

    /**
     * From the views as sent before an event to those after it: the event made {@code before} into
     * {@code m} at {@code seq}, at {@code at}. {@code write} serialises as the live stream does.
     */
    static Next next(RoleViews sent, Meeting before, Meeting m, long seq, Instant at, Function<Object, String> write) {
        Views.ModeratorView moderator = Views.moderator(m, at);
        Map<String, Own> personal = Views.own(m);
        Views.DisplayView display = kept(sent.display, before, Views.display(m, at), Views::display, at, SEQ);
        Views.ListenerView listeners = kept(sent.listeners, before, shared(m, at), RoleViews::shared, at, SEQ_AND_PERSONAL);
        Views.FollowUpView followUp = kept(sent.followUp, before, Views.followUp(m, at), Views::followUp, at, SEQ);
        Delta shared = listeners == sent.listeners ? Delta.NONE
                : Delta.between(sent.listeners, listeners, Views.PERSONAL_FIELDS, write);
        Map<String, String> own = new HashMap<>();
        Set<String> owners = new HashSet<>(sent.personal.keySet());
        owners.addAll(personal.keySet());
        for (String listenerId : owners) {
            Delta delta = Delta.own(sent.own(listenerId), personal.getOrDefault(listenerId, Own.NONE), write);
            if (delta != Delta.NONE) {
                own.put(listenerId, message(seq, at, shared.with(delta), write));
            }
        }
        Delta displayDelta = display == sent.display ? Delta.NONE : Delta.between(sent.display, display, Set.of(), write);
        Delta followUpDelta = followUp == sent.followUp ? Delta.NONE : Delta.between(sent.followUp, followUp, Set.of(), write);
        Changes changes = new Changes(message(seq, at, Delta.between(sent.moderator, moderator, Set.of(), write), write),
                display == sent.display ? null : message(seq, at, displayDelta, write),
                listeners == sent.listeners ? null : message(seq, at, shared, write), own,
                followUp == sent.followUp ? null : message(seq, at, followUpDelta, write),
                display != sent.display && retracts(sent.display, display, displayDelta.sections()),
                listeners != sent.listeners && retracts(sent.listeners, listeners, shared.sections()),
                followUp != sent.followUp && retracts(sent.followUp, followUp, followUpDelta.sections()));
        return new Next(new RoleViews(moderator, display, listeners, personal, followUp), changes);
    }

    /** What a group's view may differ in and still be unchanged: the seq, and the listeners' own parts. */
    private static final Set<String> SEQ = Set.of("seq");
    private static final Set<String> SEQ_AND_PERSONAL = Stream.concat(SEQ.stream(), Views.PERSONAL_FIELDS.stream())
            .collect(Collectors.toUnmodifiableSet());

    private static String message(long seq, Instant at, Delta delta, Function<Object, String> write) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "change");
        message.put("seq", seq);
        message.put("at", at);
        message.put("view", delta.view());
        if (!delta.items().isEmpty()) {
            message.put("items", delta.items());
        }
        return write.apply(message);
    }

    /**
     * Fields whose text a role may lose again: a shared note made private or deleted, a question taken
     * out of the queue, a participant renamed or removed.
     */
    private static final Set<String> RETRACTABLE = Set.of("text", "pseudonym");

    /**
     * Whether {@code next} no longer holds a text (of a field named in {@link #RETRACTABLE}) that
     * {@code previous} held in one of the {@code changed} sections. A client that missed such a change
     * must not be sent the older changes that still carry the text. A text that only moved (the
     * speaker's name, still in the circle) is not taken out.
     */
    static boolean retracts(Record previous, Record next, Set<String> changed) {
        if (previous == null) {
            return false;
        }
        Set<String> lost = new HashSet<>();
        Set<String> kept = new HashSet<>();
        for (RecordComponent section : Delta.components(next.getClass())) {
            if (changed.contains(section.getName())) {
                texts(Delta.value(section, previous), lost);
                texts(Delta.value(section, next), kept);
            }
        }
        lost.removeAll(kept);
        if (lost.isEmpty()) {
            return false;
        }
        Set<String> all = new HashSet<>();
        texts(next, all);
        return !all.containsAll(lost);
    }

    private static void texts(Object value, Set<String> into) {
        switch (value) {
            case Record record -> {
                for (RecordComponent component : Delta.components(record.getClass())) {
                    Object field = Delta.value(component, record);
                    if (field instanceof String text && RETRACTABLE.contains(component.getName())) {
                        into.add(text);
                    } else {
                        texts(field, into);
                    }
                }
            }
            case Collection<?> items -> items.forEach(item -> texts(item, into));
            case Map<?, ?> map -> map.values().forEach(item -> texts(item, into));
            case null, default -> {
            }
        }
    }
}
