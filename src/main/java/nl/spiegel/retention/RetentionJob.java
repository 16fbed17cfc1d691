package nl.spiegel.retention;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Every hour, on whichever node runs it: erase what is due and forget old Idempotency-Keys of
 * creates (doing either twice is harmless).
 */
@ApplicationScoped
public class RetentionJob {

    @Inject
    Retention retention;

    @Scheduled(every = "${spiegel.retention-check}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> eraseDue() {
        return retention.eraseDue().chain(retention::forgetOldCreateRequests).replaceWithVoid();
    }
}
