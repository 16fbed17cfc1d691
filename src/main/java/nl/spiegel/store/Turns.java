package nl.spiegel.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Asynchronous work that takes turns per key (a meeting): each piece starts when the one before it
 * for the same key has ended, whether it succeeded or failed, and goes on in the Vert.x context of
 * whoever submitted it (where a request's database session lives). Keys with nothing waiting take
 * no memory.
 */
public final class Turns<K> {

    private final ConcurrentHashMap<K, CompletableFuture<Void>> last = new ConcurrentHashMap<>();

    public <T> Uni<T> inTurn(K key, Supplier<Uni<T>> work) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> before = last.put(key, mine);
        Context context = Vertx.currentContext();
        Uni<Void> wait = before == null ? Uni.createFrom().voidItem()
                : Uni.createFrom().emitter(emitter -> before.whenComplete((ignored, failure) -> {
                    if (context != null) {
                        context.runOnContext(x -> emitter.complete(null));
                    } else {
                        emitter.complete(null);
                    }
                }));
        return wait.chain(() -> Uni.createFrom().deferred(() -> work.get())).onTermination().invoke(() -> {
            mine.complete(null);
            last.remove(key, mine);
        });
    }
}
