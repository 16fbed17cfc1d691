package nl.spiegel.access;

import java.util.UUID;

/**
 * The links people open, relative to the server. Keys travel in the fragment ({@code #key=}),
 * which browsers never send to a server, so they stay out of every request log.
 */
public record Links(String moderator, String assistant, String display, String join) {

    public static String moderate(UUID meetingId, String key) {
        return "/moderate/" + meetingId + "#key=" + key;
    }

    public static String display(UUID meetingId, String key) {
        return "/display/" + meetingId + "#key=" + key;
    }

    public static String organise(UUID seriesId, String key) {
        return "/series/" + seriesId + "#key=" + key;
    }

    public static String join(String code) {
        return "/join/" + code;
    }

    public static Links of(UUID meetingId, AccessService.Keys keys) {
        return new Links(moderate(meetingId, keys.moderator()), moderate(meetingId, keys.assistant()),
                display(meetingId, keys.display()), join(keys.joinCode()));
    }
}
