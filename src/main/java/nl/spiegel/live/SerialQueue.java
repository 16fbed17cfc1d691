package nl.spiegel.live;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/** Runs asynchronous tasks one after another, in the order they were submitted. */
final class SerialQueue {

    private static final Logger LOG = Logger.getLogger(SerialQueue.class);

    private final Queue<Supplier<Uni<Void>>> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    /** Completes when the task has run; its failure fails the returned Uni, not the queue. */
    Uni<Void> submit(Supplier<Uni<Void>> task) {
        return Uni.createFrom().emitter(emitter -> {
            tasks.add(() -> Uni.createFrom().<Void>deferred(() -> task.get())
                    .onItemOrFailure().invoke((ignored, failure) -> {
                        if (failure == null) {
                            emitter.complete(null);
                        } else {
                            emitter.fail(failure);
                        }
                    })
                    .onFailure().recoverWithNull());
            drain();
        });
    }

    private void drain() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Supplier<Uni<Void>> next = tasks.poll();
        if (next == null) {
            running.set(false);
            if (!tasks.isEmpty()) {
                drain();
            }
            return;
        }
        next.get().subscribe().with(ignored -> {
            running.set(false);
            drain();
        }, failure -> {
            LOG.error("A room task failed", failure);
            running.set(false);
            drain();
        });
    }
}
