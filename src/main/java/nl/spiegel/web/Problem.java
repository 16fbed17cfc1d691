package nl.spiegel.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.spiegel.meeting.Nullable;

/**
 * An error over HTTP as {@code application/problem+json} (RFC 9457), with Spiegel's stable
 * {@code code} and the {@code field} at fault when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String code, @Nullable String field, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String code, String field, String detail) {
        return new Problem("about:blank", title, status, code, field, detail);
    }
}
