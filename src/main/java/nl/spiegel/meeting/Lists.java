package nl.spiegel.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Copies of immutable lists with one change, for the folds of the sections. */
final class Lists {

    private Lists() {}

    static <T> List<T> added(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return List.copyOf(copy);
    }

    static <T> List<T> removed(List<T> list, Predicate<T> which) {
        List<T> copy = new ArrayList<>(list);
        copy.removeIf(which);
        return List.copyOf(copy);
    }

    static <T> List<T> replaced(List<T> list, Predicate<T> which, UnaryOperator<T> change) {
        List<T> copy = new ArrayList<>(list.size());
        for (T item : list) {
            copy.add(which.test(item) ? change.apply(item) : item);
        }
        return List.copyOf(copy);
    }

    static <T> List<T> moved(List<T> list, Predicate<T> which, int position) {
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
