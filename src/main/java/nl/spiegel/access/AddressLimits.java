package nl.spiegel.access;

import nl.spiegel.meeting.Rejection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import nl.spiegel.SpiegelConfig;
import nl.spiegel.live.TokenBucket;

/**
 * What a client may do without a key, per client address: create meetings and series, join, and
 * guess join codes. Past a limit the request is refused with 429 and {@code Retry-After}, before
 * any work is done. The buckets are bounded in number, so that many addresses cannot grow memory.
 */
@ApplicationScoped
public class AddressLimits {

    private static final Logger LOG = Logger.getLogger(AddressLimits.class);

    public enum Kind { CREATE, JOIN, WRONG_CODE }

    @Inject
    SpiegelConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    /** Every limit's refusals from zero, so that a rate of them can be watched before the first. */
    void countFromStart(@Observes StartupEvent event) {
        for (String limit : List.of("create", "join", "guesses", "live_commands")) {
            registry.counter("spiegel.limits.refused", "limit", limit);
        }
    }

    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();
    private volatile TokenBucket wrongCodesInAll;

    /** Takes one from the address's allowance, or refuses the request with 429. */
    public void take(Kind kind, HttpServerRequest request) {
        Instant now = clock.instant();
        TokenBucket bucket = bucket(kind, address(request), now);
        if (!bucket.tryAcquire(now)) {
            registry.counter("spiegel.limits.refused", "limit", kind.name().toLowerCase(Locale.ROOT)).increment();
            throw new Rejection(Rejection.Reason.TOO_MANY_REQUESTS, null,
                    new Rejection.Detail.TryAgainIn(bucket.secondsToWait(now))).refused();
        }
    }

    /**
     * Before a join code is looked up: takes one guess from this address's allowance and from all
     * addresses' together, or refuses the request while either is used up, so that a refused guess
     * tells nothing about the code. Taken before the lookup, so that guesses sent in parallel cannot
     * all pass one check before any of them is counted; a code that opens a meeting gives its guess
     * back ({@link #rightCode}).
     */
    public void takeGuess(HttpServerRequest request) {
        Instant now = clock.instant();
        TokenBucket mine = bucket(Kind.WRONG_CODE, address(request), now);
        TokenBucket all = inAll(now);
        TokenBucket empty = null;
        if (!mine.tryAcquire(now)) {
            empty = mine;
        } else if (!all.tryAcquire(now)) {
            mine.giveBack();
            empty = all;
        }
        if (empty != null) {
            registry.counter("spiegel.limits.refused", "limit", "guesses").increment();
            throw new Rejection(Rejection.Reason.TOO_MANY_GUESSES, null,
                    new Rejection.Detail.TryAgainIn(empty.secondsToWait(now))).refused();
        }
    }

    /** The code opened nothing: its guess stays taken. Says so once, when that used up an allowance. */
    public void wrongCode(HttpServerRequest request) {
        Instant now = clock.instant();
        String address = address(request);
        boolean mine = bucket(Kind.WRONG_CODE, address, now).hasToken(now);
        // The address, never the code: a code in a log would be a way in.
        if (!mine || !inAll(now).hasToken(now)) {
            LOG.warnf("Join codes are being guessed%s; further guesses are refused for a while",
                    mine ? " from many addresses" : " from " + address);
        }
    }

    /** The code opened a meeting: its guess is given back, to the address and to all. */
    public void rightCode(HttpServerRequest request) {
        Instant now = clock.instant();
        bucket(Kind.WRONG_CODE, address(request), now).giveBack();
        inAll(now).giveBack();
    }

    private TokenBucket bucket(Kind kind, String address, Instant now) {
        SpiegelConfig.Limits limits = config.limits();
        return buckets.get(kind + " " + address, key -> switch (kind) {
            case CREATE -> TokenBucket.of(limits.createsPerHour(), Duration.ofHours(1), now);
            case JOIN -> TokenBucket.of(limits.joinsPerMinute(), Duration.ofMinutes(1), now);
            case WRONG_CODE -> TokenBucket.of(limits.wrongCodesPerMinute(), Duration.ofMinutes(1), now);
        });
    }

    private TokenBucket inAll(Instant now) {
        TokenBucket all = wrongCodesInAll;
        if (all == null) {
            synchronized (this) {
                if (wrongCodesInAll == null) {
                    wrongCodesInAll = TokenBucket.of(config.limits().wrongCodesPerMinuteInAll(), Duration.ofMinutes(1), now);
                }
                all = wrongCodesInAll;
            }
        }
        return all;
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
