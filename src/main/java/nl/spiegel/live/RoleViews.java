package nl.spiegel.live;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Views;
import nl.spiegel.meeting.Views.Own;

/**
 * The views of all roles at one moment, as the core's records; their components are the sections a
 * change can carry. Listeners share one view; their own questions and topics are kept apart, only
 * for those who have any, so an event costs one projection, not one per listener.
 */
final class RoleViews {

    final Views.ModeratorView moderator;
    final Views.DisplayView display;
    /** The listeners' shared view, without anyone's own part. */
    final Views.ListenerView listeners;
    /** Per listener id, for the listeners who asked or handed in something. */
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
        return new RoleViews(Views.moderator(m, at), Views.display(m, at), Views.listener(m, null, at), Views.own(m),
                Views.followUp(m, at));
    }

    Own own(String listenerId) {
        return personal.getOrDefault(listenerId, Own.NONE);
    }

    Views.ListenerView listenerView(String listenerId) {
        return listeners.with(own(listenerId));
    }

    /**
     * The change frames one event makes, written: one per role group, and one for each listener whose
     * own part changed. {@code …Retracts}: the change takes a text out of that group's view.
     */
    record Changes(String moderator, String display, String listeners, Map<String, String> personal, String followUp,
                   boolean displayRetracts, boolean listenersRetract, boolean followUpRetracts) {}

    /**
     * From the views before an event to those after it ({@code at}, {@code seq}); {@code write}
     * serialises as the live stream does.
     */
    static Changes changes(RoleViews before, RoleViews after, long seq, Instant at, Function<Object, String> write) {
        Delta shared = Delta.between(before.listeners, after.listeners, Views.PERSONAL_FIELDS, write);
        Delta display = Delta.between(before.display, after.display, Set.of(), write);
        Delta followUp = Delta.between(before.followUp, after.followUp, Set.of(), write);
        Map<String, String> personal = new HashMap<>();
        Set<String> owners = new HashSet<>(before.personal.keySet());
        owners.addAll(after.personal.keySet());
        for (String listenerId : owners) {
            Delta own = Delta.own(before.own(listenerId), after.own(listenerId), write);
            if (own != Delta.NONE) {
                personal.put(listenerId, message(seq, at, shared.with(own), write));
            }
        }
        return new Changes(message(seq, at, Delta.between(before.moderator, after.moderator, Set.of(), write), write),
                message(seq, at, display, write), message(seq, at, shared, write), personal, message(seq, at, followUp, write),
                retracts(before.display, after.display, display.sections()),
                retracts(before.listeners, after.listeners, shared.sections()),
                retracts(before.followUp, after.followUp, followUp.sections()));
    }

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
