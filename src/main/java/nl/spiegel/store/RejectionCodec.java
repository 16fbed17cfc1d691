package nl.spiegel.store;

import java.util.Arrays;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.spiegel.meeting.Rejection;
import nl.spiegel.meeting.Rejection.Detail;

/**
 * A rejection as it is remembered with its command id, so that a resent command gets the same
 * answer: {@code {"reason": …, "field": …, "detail": {"type": "Length", "min": 1, "max": 500}}}.
 */
final class RejectionCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private RejectionCodec() {}

    static String encode(Rejection rejection) {
        ObjectNode node = MAPPER.createObjectNode().put("reason", rejection.reason().name());
        if (rejection.field() != null) {
            node.put("field", rejection.field());
        }
        if (rejection.detail() != null) {
            ObjectNode detail = MAPPER.valueToTree(rejection.detail());
            detail.put("type", rejection.detail().getClass().getSimpleName());
            node.set("detail", detail);
        }
        return node.toString();
    }

    static Rejection decode(String json) {
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(json);
            Detail detail = null;
            if (node.hasNonNull("detail")) {
                ObjectNode fields = ((ObjectNode) node.get("detail")).deepCopy();
                String type = fields.remove("type").asText();
                Class<?> kind = Arrays.stream(Detail.class.getPermittedSubclasses())
                        .filter(c -> c.getSimpleName().equals(type)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("Unknown rejection detail " + type));
                detail = (Detail) MAPPER.treeToValue(fields, kind);
            }
            return new Rejection(Rejection.Reason.valueOf(node.get("reason").asText()),
                    node.hasNonNull("field") ? node.get("field").asText() : null, detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a remembered rejection", e);
        }
    }
}
