package nl.spiegel.live;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

    private static final ClassValue<RecordComponent[]> SECTIONS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    /**
     * The sections of {@code next} that differ from {@code previous} (all of them when there is
     * none), by name, in the record's order, leaving out {@code skipped}. Records compare by value,
     * so this is the same as comparing their JSON, without building it.
     */
    static Map<String, Object> delta(Record previous, Record next, Set<String> skipped) {
        Map<String, Object> delta = new LinkedHashMap<>();
        for (RecordComponent section : SECTIONS.get(next.getClass())) {
            if (skipped.contains(section.getName())) {
                continue;
            }
            Object value = value(section, next);
            if (previous == null || !Objects.equals(value, value(section, previous))) {
                delta.put(section.getName(), value);
            }
        }
        return delta;
    }

    /** The listener's own sections that differ between {@code before} and {@code after}. */
    static Map<String, Object> ownDelta(Own before, Own after) {
        Map<String, Object> delta = new LinkedHashMap<>();
        if (!before.questions().equals(after.questions())) {
            delta.put("myQuestions", after.questions());
        }
        if (!before.topics().equals(after.topics())) {
            delta.put("myTopics", after.topics());
        }
        if (!before.takeAways().equals(after.takeAways())) {
            delta.put("myTakeAways", after.takeAways());
        }
        if (!Objects.equals(before.perceived(), after.perceived())) {
            delta.put("myPerceived", after.perceived());
        }
        return delta;
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
        for (RecordComponent section : SECTIONS.get(next.getClass())) {
            if (changed.contains(section.getName())) {
                texts(value(section, previous), lost);
                texts(value(section, next), kept);
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
                for (RecordComponent component : SECTIONS.get(record.getClass())) {
                    Object field = value(component, record);
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

    private static Object value(RecordComponent section, Record of) {
        try {
            return section.getAccessor().invoke(of);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + section.getName() + " of " + of.getClass().getSimpleName(), e);
        }
    }
}
