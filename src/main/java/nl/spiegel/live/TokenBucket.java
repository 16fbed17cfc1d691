package nl.spiegel.live;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: a burst, then a steady rate. Kept per key for live messages (all connections of
 * one person or device together) and per client address for creating, joining and code guesses.
 * Listeners get little, so that no one can flood the question queue; moderators tap a lot during a
 * lively conversation.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perSecond;
    private double tokens;
    private Instant last;
    private int refusedInARow;

    public TokenBucket(double capacity, double perSecond, Instant now) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.tokens = capacity;
        this.last = now;
    }

    /** {@code count} at once, then {@code count} spread over each {@code period}. */
    public static TokenBucket of(int count, Duration period, Instant now) {
        return new TokenBucket(count, count / (period.toMillis() / 1000.0), now);
    }

    public static TokenBucket forListener(Instant now) {
        return new TokenBucket(8, 0.5, now);
    }

    public static TokenBucket forModerator(Instant now) {
        return new TokenBucket(60, 15, now);
    }

    /** The steady rate, per minute, for messages that say what the limit is. */
    public int perMinute() {
        return (int) Math.round(perSecond * 60);
    }

    public synchronized boolean tryAcquire(Instant now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            refusedInARow = 0;
            return true;
        }
        refusedInARow++;
        return false;
    }

    /** Returns a token taken for work that turned out not to cost one (a join code that was right). */
    public synchronized void giveBack() {
        tokens = Math.min(capacity, tokens + 1);
    }

    /** Whether a token is there, without taking it: to say when an allowance has just run out. */
    public synchronized boolean hasToken(Instant now) {
        refill(now);
        return tokens >= 1;
    }

    /** Seconds until the next token, at least 1: what {@code Retry-After} says. */
    public synchronized long secondsToWait(Instant now) {
        refill(now);
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }

    /**
     * Counts a message refused for another rule the sender was told about (a newer command sent
     * instead of the one refused as busy) as refused in a row; whether the sender now floods.
     */
    public synchronized boolean refusedAgain() {
        refusedInARow++;
        return flooding();
    }

    /** A sender that keeps sending after being told to slow down misbehaves. */
    public synchronized boolean flooding() {
        return refusedInARow >= 25;
    }

    private void refill(Instant now) {
        double seconds = Math.max(0, Duration.between(last, now).toNanos() / 1e9);
        tokens = Math.min(capacity, tokens + seconds * perSecond);
        last = now;
    }
}
