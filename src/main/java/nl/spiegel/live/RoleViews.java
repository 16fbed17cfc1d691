package nl.spiegel.live;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Views;

/**
 * The views of all roles at one moment, as JSON objects whose top-level fields are the sections a
 * change can carry. Listeners share one view; their own questions and topics are kept apart.
 */
final class RoleViews {

    final ObjectNode moderator;
    final ObjectNode display;
    final ObjectNode listeners;
    /** Per listener id: listenerId, myQuestions, myTopics. */
    final Map<String, ObjectNode> personal;

    private RoleViews(ObjectNode moderator, ObjectNode display, ObjectNode listeners, Map<String, ObjectNode> personal) {
        this.moderator = moderator;
        this.display = display;
        this.listeners = listeners;
        this.personal = personal;
    }

    static final RoleViews EMPTY = new RoleViews(null, null, null, Map.of());

    /** Projects the meeting at {@code at}: a view at a seq is the same wherever and whenever made. */
    static RoleViews of(Meeting m, Instant at, ObjectMapper json) {
        ObjectNode listeners = json.valueToTree(Views.listener(m, null, at));
        Views.PERSONAL_FIELDS.forEach(listeners::remove);
        Map<String, ObjectNode> personal = new HashMap<>();
        for (String listenerId : m.listeners().keySet()) {
            personal.put(listenerId, personal(m, listenerId, json));
        }
        return new RoleViews(json.valueToTree(Views.moderator(m, at)), json.valueToTree(Views.display(m, at)),
                listeners, personal);
    }

    static ObjectNode personal(Meeting m, String listenerId, ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("listenerId", listenerId);
        node.set("myQuestions", json.valueToTree(Views.ownQuestions(m, listenerId)));
        node.set("myTopics", json.valueToTree(Views.ownTopics(m, listenerId)));
        return node;
    }

    /** The sections of {@code next} that differ from {@code previous} (all of them when there is none). */
    static ObjectNode delta(ObjectNode previous, ObjectNode next, ObjectMapper json) {
        ObjectNode delta = json.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = next.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (previous == null || !field.getValue().equals(previous.get(field.getKey()))) {
                delta.set(field.getKey(), field.getValue());
            }
        }
        return delta;
    }

    ObjectNode listenerView(String listenerId, ObjectMapper json) {
        ObjectNode view = listeners.deepCopy();
        ObjectNode own = personal.get(listenerId);
        if (own == null) {
            own = json.createObjectNode().put("listenerId", listenerId);
            own.set("myQuestions", json.createArrayNode());
            own.set("myTopics", json.createArrayNode());
        }
        view.setAll(own);
        return view;
    }
}
