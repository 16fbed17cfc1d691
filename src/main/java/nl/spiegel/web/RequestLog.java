package nl.spiegel.web;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import nl.spiegel.SpiegelConfig;

/**
 * One log line per request: method, path, status, time. Never a key (they travel in headers and in
 * links' fragments, which browsers do not send), never a join code or a follow-up page's token
 * (masked in their paths), never a body. Health and metrics probes are left out: they come every few
 * seconds. Refused join codes are counted and written as one line per interval instead: someone
 * guessing codes sends thousands a second, and a line each would flood the log.
 */
@ApplicationScoped
public class RequestLog {

    private static final Logger LOG = Logger.getLogger("nl.spiegel.requests");
    /** Paths that carry a code or token: a join code, a follow-up page's token, an evaluation card's. */
    private static final Pattern CODE = Pattern.compile("^(/api)?/(join|followup|evaluate)/[^/]+");
    /** Joining with a code, or looking one up. */
    private static final Pattern JOIN = Pattern.compile("^/api/join(/[^/]+)?$");

    private final AtomicLong wrongCodes = new AtomicLong();
    private final AtomicLong overAllowance = new AtomicLong();

    @Inject
    Vertx vertx;

    @Inject
    SpiegelConfig config;

    void register(@Observes Filters filters) {
        filters.register(this::onEveryRequest, 200);
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(config.refusedJoinsSummary().toMillis(), ignored -> summarize());
    }

    private void onEveryRequest(RoutingContext context) {
        String path = context.normalizedPath();
        if (!path.startsWith("/q/") && LOG.isInfoEnabled()) {
            long started = System.nanoTime();
            context.addEndHandler(ignored -> {
                int status = context.response().getStatusCode();
                if (JOIN.matcher(path).matches() && (status == 404 || status == 429)) {
                    (status == 404 ? wrongCodes : overAllowance).incrementAndGet();
                    return;
                }
                LOG.infof("%s %s %d %d ms", context.request().method(), CODE.matcher(path).replaceFirst("$1/$2/…"),
                        status, (System.nanoTime() - started) / 1_000_000);
            });
        }
        context.next();
    }

    private void summarize() {
        long wrong = wrongCodes.getAndSet(0);
        long over = overAllowance.getAndSet(0);
        if (wrong + over > 0) {
            LOG.infof("Join codes refused in the last %d s: %d (%d that open nothing, %d over the allowance)",
                    config.refusedJoinsSummary().toSeconds(), wrong + over, wrong, over);
        }
    }
}
