package nl.spiegel.store;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import nl.spiegel.meeting.Event;

/**
 * Events as they are stored: the record's simple name as type, its fields as JSON. A mapper of
 * its own, so that application settings never change what is already in the database.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Map<String, Class<?>> TYPES = Event.types().stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventCodec() {}

    public static String type(Event event) {
        return event.getClass().getSimpleName();
    }

    public static String payload(Event event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store event " + type(event), e);
        }
    }

    public static Event decode(String type, String payload) {
        Class<?> cls = TYPES.get(type);
        if (cls == null) {
            throw new IllegalStateException("Unknown event type in the stream: " + type);
        }
        try {
            return (Event) MAPPER.readValue(payload, cls);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored event of type " + type, e);
        }
    }
}
