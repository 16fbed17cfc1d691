package nl.spiegel.web;

import nl.spiegel.meeting.Rejection;

/** Ends a request with a problem response; thrown for rejections the core or a check made. */
public final class ProblemException extends RuntimeException {

    private final int status;
    private final transient Rejection rejection;

    public ProblemException(int status, Rejection rejection) {
        super(rejection.code(), null, false, false);
        this.status = status;
        this.rejection = rejection;
    }

    /** The HTTP status that fits a rejection of the core. */
    public static ProblemException of(Rejection rejection) {
        String code = rejection.code();
        int status = switch (code) {
            case "INVALID" -> 400;
            case "FORBIDDEN" -> 403;
            case "NOT_FOUND" -> 404;
            default -> code.startsWith("UNKNOWN_") ? 404 : 409;
        };
        return new ProblemException(status, rejection);
    }

    public int status() {
        return status;
    }

    public Rejection rejection() {
        return rejection;
    }
}
