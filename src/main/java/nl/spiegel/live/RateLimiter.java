package nl.spiegel.live;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket per connection: a burst, then a steady rate. Listeners get little, so that no one
 * can flood the question queue; moderators tap a lot during a lively conversation.
 */
final class RateLimiter {

    private final double capacity;
    private final double perSecond;
    private double tokens;
    private Instant last;
    private int refusedInARow;

    private RateLimiter(double capacity, double perSecond, Instant now) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.tokens = capacity;
        this.last = now;
    }

    static RateLimiter forListener(Instant now) {
        return new RateLimiter(8, 0.5, now);
    }

    static RateLimiter forModerator(Instant now) {
        return new RateLimiter(60, 15, now);
    }

    synchronized boolean tryAcquire(Instant now) {
        double seconds = Math.max(0, Duration.between(last, now).toNanos() / 1e9);
        tokens = Math.min(capacity, tokens + seconds * perSecond);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            refusedInARow = 0;
            return true;
        }
        refusedInARow++;
        return false;
    }

    /** A peer that keeps sending after being told to slow down misbehaves. */
    synchronized boolean flooding() {
        return refusedInARow >= 25;
    }
}
