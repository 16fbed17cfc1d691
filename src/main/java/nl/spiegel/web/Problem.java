package nl.spiegel.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.spiegel.meeting.Nullable;
import java.util.List;

/**
 * An error over HTTP as {@code application/problem+json} (RFC 9457), with Spiegel's stable
 * {@code code} and the {@code field} at fault when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String code, @Nullable String field, String detail,
                      @Nullable List<Row> rows) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A row of an imported file that could not be read (counted from 1), and why, in words. */
    public record Row(int row, @Nullable String column, String message) {}

    public static Problem of(int status, String title, String code, String field, String detail) {
        return new Problem("about:blank", title, status, code, field, detail, null);
    }

    Problem with(List<Row> rows) {
        return new Problem(type, title, status, code, field, detail, rows);
    }
}
