package nl.spiegel.live;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Asynchronous work that takes turns: each piece starts when the one before it has ended, whether
 * it succeeded or failed, and goes on in the Vert.x context of whoever submitted it. A room has one,
 * so that everything it does to its meeting happens in one order.
 */
final class OneAtATime {

    private final AtomicReference<CompletableFuture<Void>> last = new AtomicReference<>();

    <T> Uni<T> next(Supplier<Uni<T>> work) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> before = last.getAndSet(mine);
        Context context = Vertx.currentContext();
        Uni<Void> wait = before == null || before.isDone() ? Uni.createFrom().voidItem()
                : Uni.createFrom().emitter(emitter -> before.whenComplete((ignored, failure) -> {
                    if (context != null) {
                        context.runOnContext(x -> emitter.complete(null));
                    } else {
                        emitter.complete(null);
                    }
                }));
        return wait.chain(() -> Uni.createFrom().deferred(() -> work.get())).onTermination().invoke(() -> {
            mine.complete(null);
            last.compareAndSet(mine, null);
        });
    }

    /** Whether nothing is underway or waiting. */
    boolean idle() {
        CompletableFuture<Void> current = last.get();
        return current == null || current.isDone();
    }
}
