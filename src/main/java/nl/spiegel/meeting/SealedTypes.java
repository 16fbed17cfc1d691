package nl.spiegel.meeting;

import java.util.ArrayList;
import java.util.List;

/** The record types below a sealed interface, through its sealed sections. */
final class SealedTypes {

    private SealedTypes() {}

    @SuppressWarnings("unchecked")
    static <T> List<Class<? extends T>> records(Class<T> root) {
        List<Class<? extends T>> into = new ArrayList<>();
        collect(root, into);
        return List.copyOf(into);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void collect(Class<?> type, List into) {
        if (type.isRecord()) {
            into.add(type);
        }
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted != null) {
            for (Class<?> sub : permitted) {
                collect(sub, into);
            }
        }
    }
}
