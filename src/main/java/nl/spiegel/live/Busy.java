package nl.spiegel.live;

/**
 * A command this node did not take on because it has as much underway as it can answer soon
 * ({@link Admission}). Nothing was decided; the same command may be sent again a moment later.
 */
final class Busy extends RuntimeException {

    /** How long a client waits before it sends the command again. */
    static final int RETRY_AFTER_SECONDS = 1;

    Busy() {
        super("busy", null, false, false);
    }
}
