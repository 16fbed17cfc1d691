package nl.spiegel.live;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.util.RawValue;

import nl.spiegel.meeting.Views.Own;

/**
 * What a {@code change} carries for one role (docs/protocol.md, "The view"): the sections that
 * differ, whole ({@code view}), and lists of items with an {@code id} as patches ({@code items})
 * where a patch is shorter than the list. Each section is written once, here, so that a change for
 * many listeners costs one serialisation.
 *
 * <p>A patch holds {@code put}: new items whole and, of a changed item, its {@code id} and the fields
 * that differ; {@code removed}: the ids that went; {@code order}: the ids in their new order, only
 * when that is not the old order without the removed ones, the new ones after it.
 */
record Delta(Map<String, RawValue> view, Map<String, RawValue> items) {

    static final Delta NONE = new Delta(Map.of(), Map.of());

    /** The names the changed sections have in the view. */
    Set<String> sections() {
        Set<String> all = new HashSet<>(view.keySet());
        all.addAll(items.keySet());
        return all;
    }

    /** This delta with {@code more}'s sections after its own (a listener's shared part, then their own). */
    Delta with(Delta more) {
        Map<String, RawValue> allView = new LinkedHashMap<>(view);
        allView.putAll(more.view);
        Map<String, RawValue> allItems = new LinkedHashMap<>(items);
        allItems.putAll(more.items);
        return new Delta(allView, allItems);
    }

    /**
     * A top-level field of a view record. {@code id}: the component that names an item, when the
     * section is a list of records that have a {@code String id}; {@code null} for any other section.
     */
    private record Section(String name, RecordComponent component, RecordComponent id) {}

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private static final ClassValue<List<Section>> SECTIONS = new ClassValue<>() {
        @Override
        protected List<Section> computeValue(Class<?> type) {
            return Arrays.stream(COMPONENTS.get(type)).map(c -> new Section(c.getName(), c, idOf(c))).toList();
        }
    };

    /** The listener's own part, under the names its sections have in the listener view. */
    private static final Map<String, String> OWN_NAMES = Map.of("questions", "myQuestions", "topics", "myTopics",
            "takeAways", "myTakeAways", "perceived", "myPerceived");

    private static final List<Section> OWN = SECTIONS.get(Own.class).stream()
            .map(s -> new Section(Objects.requireNonNull(OWN_NAMES.get(s.name()), s.name()), s.component(), s.id())).toList();

    /** The item types a view record's list sections hold, for checking that each is written as its components. */
    static List<Class<?>> itemTypes(Class<? extends Record> view) {
        return SECTIONS.get(view).stream().filter(s -> s.id() != null).<Class<?>>map(s -> s.id().getDeclaringRecord())
                .distinct().toList();
    }

    /**
     * The sections of {@code next} that differ from {@code previous} (all of them, whole, when there
     * is none), in the record's order, leaving out {@code skipped}. Records compare by value, so
     * this is the same as comparing their JSON, without building it.
     */
    static Delta between(Record previous, Record next, Set<String> skipped, Function<Object, String> write) {
        return of(SECTIONS.get(next.getClass()), previous, next, skipped, write);
    }

    /** Whether {@code a} and {@code b}, views of one type, hold the same in every section but {@code ignored}. */
    static boolean same(Record a, Record b, Set<String> ignored) {
        for (Section section : SECTIONS.get(b.getClass())) {
            if (!ignored.contains(section.name()) && !Objects.equals(value(section.component(), a), value(section.component(), b))) {
                return false;
            }
        }
        return true;
    }

    /** The listener's own sections that differ between {@code before} and {@code after}. */
    static Delta own(Own before, Own after, Function<Object, String> write) {
        return before.equals(after) ? NONE : of(OWN, before, after, Set.of(), write);
    }

    private static Delta of(List<Section> sections, Record previous, Record next, Set<String> skipped,
                            Function<Object, String> write) {
        Map<String, RawValue> view = new LinkedHashMap<>();
        Map<String, RawValue> items = new LinkedHashMap<>();
        for (Section section : sections) {
            if (skipped.contains(section.name())) {
                continue;
            }
            Object value = value(section.component(), next);
            Object before = previous == null ? null : value(section.component(), previous);
            if (previous != null && Objects.equals(value, before)) {
                continue;
            }
            String whole = write.apply(value);
            Map<String, Object> patch = section.id() == null || previous == null ? null
                    : patch(before, value, section.id());
            String patched = patch == null ? null : write.apply(patch);
            if (patched != null && patched.length() < whole.length()) {
                items.put(section.name(), new RawValue(patched));
            } else {
                view.put(section.name(), new RawValue(whole));
            }
        }
        return view.isEmpty() && items.isEmpty() ? NONE : new Delta(view, items);
    }

    /** From {@code before} to {@code after} by id; {@code null} when either has an item without an id or one twice. */
    private static Map<String, Object> patch(Object before, Object after, RecordComponent id) {
        Map<String, Record> old = before instanceof List<?> list ? byId(list, id) : null;
        Map<String, Record> now = after instanceof List<?> list ? byId(list, id) : null;
        if (old == null || now == null) {
            return null;
        }
        List<Object> put = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String oldId : old.keySet()) {
            if (now.containsKey(oldId)) {
                expected.add(oldId);
            } else {
                removed.add(oldId);
            }
        }
        for (Map.Entry<String, Record> item : now.entrySet()) {
            Record was = old.get(item.getKey());
            if (was == null) {
                put.add(item.getValue());
                expected.add(item.getKey());
            } else if (!was.equals(item.getValue())) {
                put.add(fields(was, item.getValue(), id));
            }
        }
        Map<String, Object> patch = new LinkedHashMap<>();
        if (!put.isEmpty()) {
            patch.put("put", put);
        }
        if (!removed.isEmpty()) {
            patch.put("removed", removed);
        }
        List<String> order = List.copyOf(now.keySet());
        if (!order.equals(expected)) {
            patch.put("order", order);
        }
        return patch;
    }

    private static Map<String, Record> byId(List<?> list, RecordComponent id) {
        Map<String, Record> byId = new LinkedHashMap<>();
        for (Object item : list) {
            if (!(item instanceof Record record) || !(value(id, record) instanceof String key) || byId.put(key, record) != null) {
                return null;
            }
        }
        return byId;
    }

    /** The item's id and the fields in which {@code now} differs from {@code was}. */
    private static Map<String, Object> fields(Record was, Record now, RecordComponent id) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(id.getName(), value(id, now));
        for (RecordComponent field : COMPONENTS.get(now.getClass())) {
            Object value = value(field, now);
            if (!Objects.equals(value, value(field, was))) {
                fields.put(field.getName(), value);
            }
        }
        return fields;
    }

    /** The {@code id} component of the records a {@code List} section holds, if they have one. */
    private static RecordComponent idOf(RecordComponent section) {
        Type type = section.getGenericType();
        if (section.getType() != List.class || !(type instanceof ParameterizedType list)
                || !(list.getActualTypeArguments()[0] instanceof Class<?> element) || !element.isRecord()) {
            return null;
        }
        return Arrays.stream(element.getRecordComponents())
                .filter(c -> c.getName().equals("id") && c.getType() == String.class).findFirst().orElse(null);
    }

    /** The record's components, looked up once per type. */
    static RecordComponent[] components(Class<?> type) {
        return COMPONENTS.get(type);
    }

    static Object value(RecordComponent component, Record of) {
        try {
            return component.getAccessor().invoke(of);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + of.getClass().getSimpleName(), e);
        }
    }
}
