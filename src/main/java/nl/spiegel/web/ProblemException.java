package nl.spiegel.web;

import java.util.function.Function;

import nl.spiegel.meeting.Rejection;

/**
 * Ends a request with a problem response: a status, a stable code, the field at fault, and the
 * words for people, chosen from {@link Texts} in the client's language when the answer is written.
 */
public final class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final transient Function<Texts, String> detail;
    private final long retryAfterSeconds;

    public ProblemException(int status, String code, String field, Function<Texts, String> detail) {
        this(status, code, field, detail, 0);
    }

    private ProblemException(int status, String code, String field, Function<Texts, String> detail, long retryAfterSeconds) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429: over a limit; try again after {@code seconds} (sent as {@code Retry-After}). */
    public static ProblemException tooMany(String code, long seconds, Function<Texts, String> detail) {
        return new ProblemException(429, code, null, detail, seconds);
    }

    /** Seconds for {@code Retry-After}, 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A rejection of the core, with the HTTP status that fits it. */
    public static ProblemException of(Rejection rejection) {
        int status = switch (rejection.reason()) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            default -> rejection.code().startsWith("UNKNOWN_") ? 404 : 409;
        };
        return new ProblemException(status, rejection.code(), rejection.field(), texts -> Wording.of(texts, rejection));
    }

    /** A value the request got wrong: 400 naming the field. */
    public static ProblemException invalid(String field, Function<Texts, String> detail) {
        return new ProblemException(400, Rejection.Reason.INVALID.name(), field, detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public String detail(Texts texts) {
        return detail.apply(texts);
    }
}
