package nl.spiegel.meeting;

/**
 * A {@link Rejection} on its way up, as an exception. The deciders throw it and
 * {@link MeetingCore#decide} turns it into a {@link Decision.Rejected}; the features throw it where
 * a request is refused before it reaches the core, and the edge answers it in words (problem JSON
 * over REST, {@code rejected} on a live connection).
 */
public final class Refused extends RuntimeException {

    private final transient Rejection rejection;

    public Refused(Rejection rejection) {
        super(rejection.code(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
