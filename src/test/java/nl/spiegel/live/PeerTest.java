package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import nl.spiegel.store.Access;
import nl.spiegel.meeting.Role;
import nl.spiegel.live.TokenBucket;

/** A peer handles its messages one after another, in order, and refuses to hold more than its bound. */
class PeerTest {

    private final List<CloseReason> closed = new CopyOnWriteArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final Peer.Refusal refusing = (peer, text, ahead, excess) -> refused.add(text);
    /** Whether the other end reads: if not, nothing sent is ever written out. */
    private boolean reading = true;

    private Peer peer() {
        WebSocketConnection connection = (WebSocketConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WebSocketConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> closed.isEmpty();
                    case "close" -> {
                        closed.add((CloseReason) args[0]);
                        yield Uni.createFrom().voidItem();
                    }
                    case "sendText" -> reading ? Uni.createFrom().voidItem() : Uni.createFrom().nothing();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Instant now = Instant.parse("2027-06-01T10:00:00Z");
        return new Peer(connection, null, new Access(UUID.randomUUID(), Role.LISTENER, "L1", "hash"),
                TokenBucket.forListener(now), now, 0);
    }

    /** Records what it handles; each message stays in hand until the test completes it. */
    private static final class Handler implements BiFunction<Peer, String, Uni<Void>> {
        final List<String> started = new ArrayList<>();
        final List<UniEmitter<? super Void>> inHand = new ArrayList<>();
        /** Messages with this text are answered at once. */
        final String atOnce;

        Handler(String atOnce) {
            this.atOnce = atOnce;
        }

        @Override
        public Uni<Void> apply(Peer peer, String text) {
            started.add(text);
            if (text.equals(atOnce)) {
                return Uni.createFrom().voidItem();
            }
            return Uni.createFrom().emitter(inHand::add);
        }

        void finish(int i) {
            inHand.get(i).complete(null);
        }
    }

    @Test
    void aMessageIsHandledOnlyAfterTheOneBeforeItIsDone() {
        Peer peer = peer();
        Handler handler = new Handler(null);
        peer.receive("a", handler, refusing, false);
        peer.receive("b", handler, refusing, false);
        peer.receive("c", handler, refusing, false);
        assertThat(handler.started).containsExactly("a");
        handler.finish(0);
        assertThat(handler.started).containsExactly("a", "b");
        handler.finish(1);
        handler.finish(2);
        peer.receive("d", handler, refusing, false);
        assertThat(handler.started).containsExactly("a", "b", "c", "d");
        assertThat(closed).isEmpty();
    }

    @Test
    void whileTheNodeIsBusyAMessageThatWouldWaitIsRefusedAtOnce() {
        Peer peer = peer();
        Handler handler = new Handler(null);
        peer.receive("first", handler, refusing, true);
        peer.receive("second", handler, refusing, true);
        assertThat(handler.started).as("nothing waits for it: handled, and refused there if need be").containsExactly("first");
        assertThat(refused).containsExactly("second");
        handler.finish(0);
        peer.receive("third", handler, refusing, false);
        assertThat(handler.started).containsExactly("first", "third");
        assertThat(closed).isEmpty();
    }

    @Test
    void everyWaitingMessageIsHandledOnceTheOneBeforeIsDoneAndOneMoreIsRefusedAsBusy() {
        Peer peer = peer();
        Handler handler = new Handler("x");
        peer.receive("first", handler, refusing, false);
        for (int i = 0; i < Peer.MAX_BEHIND; i++) {
            peer.receive("x", handler, refusing, false);
        }
        assertThat(refused).isEmpty();
        peer.receive("too many", handler, refusing, false);
        assertThat(refused).containsExactly("too many");
        handler.finish(0);
        assertThat(handler.started).hasSize(1 + Peer.MAX_BEHIND);
        peer.receive("x", handler, refusing, false);
        assertThat(handler.started).hasSize(2 + Peer.MAX_BEHIND);
        assertThat(closed).isEmpty();
    }

    /**
     * The order rule refuses what came after a command refused as busy, not what came before it:
     * messages waiting when one is refused on arrival are handled as usual.
     */
    @Test
    void whatWaitedAheadOfACommandRefusedOnArrivalIsNotBehindIt() {
        Peer peer = peer();
        Handler handler = new Handler(null);
        List<Boolean> behind = new ArrayList<>();
        BiFunction<Peer, String, Uni<Void>> checking = (p, text) -> {
            behind.add(p.behindRefused(text, 0));
            return handler.apply(p, text);
        };
        peer.receive("first", checking, refusing, false);
        peer.receive("second", checking, refusing, false);
        peer.receive("third", checking, refusing, false);
        peer.receive("refused", checking, (p, text, ahead, excess) -> p.refusedAsBusy(text, 0, ahead), true);
        peer.receive("after", checking, refusing, false);
        handler.finish(0);
        handler.finish(1);
        handler.finish(2);
        assertThat(handler.started).containsExactly("first", "second", "third", "after");
        assertThat(behind).as("second and third came before the refused one; after came after it")
                .containsExactly(false, false, false, true);
        peer.receive("refused", checking, refusing, false);
        handler.finish(3);
        assertThat(behind.getLast()).as("the refused one again lifts the rule").isFalse();
    }

    @Test
    void aPeerThatSendsMoreThanItsBoundWhileOneIsHandledIsClosedAsFlooding() {
        Peer peer = peer();
        Handler handler = new Handler(null);
        peer.receive("first", handler, refusing, false);
        for (int i = 0; i < Peer.MAX_WAITING_MESSAGES; i++) {
            peer.receive("{}", handler, refusing, false);
        }
        assertThat(closed).isEmpty();
        assertThat(refused).as("refused as busy, not kept").hasSize(Peer.MAX_WAITING_MESSAGES - Peer.MAX_BEHIND);
        peer.receive("{}", handler, refusing, false);
        assertThat(closed).extracting(CloseReason::getCode).containsExactly(CloseCode.FLOOD.code);
        assertThat(handler.started).containsExactly("first");
        // Once closing, what waited and what still arrives is let go.
        handler.finish(0);
        peer.receive("{}", handler, refusing, false);
        assertThat(handler.started).containsExactly("first");
        assertThat(closed).hasSize(1);
    }

    @Test
    void theBoundCountsCharactersToo() {
        Peer peer = peer();
        Handler handler = new Handler(null);
        peer.receive("first", handler, refusing, false);
        String big = "x".repeat(16 * 1024);
        for (long queued = 0; queued + big.length() <= Peer.MAX_WAITING; queued += big.length()) {
            peer.receive(big, handler, refusing, false);
        }
        assertThat(closed).isEmpty();
        peer.receive(big, handler, refusing, false);
        assertThat(closed).extracting(CloseReason::getCode).containsExactly(CloseCode.FLOOD.code);
    }

    @Test
    void aPeerThatDoesNotReadIsClosedAsTooSlowOnceMoreThanItsBoundWaits() {
        reading = false;
        Peer peer = peer();
        String change = "x".repeat(64 * 1024);
        for (int i = 0; i < 16; i++) {
            peer.send(change);
        }
        assertThat(peer.queued()).isEqualTo(Peer.MAX_QUEUED);
        assertThat(closed).isEmpty();
        peer.send("x");
        assertThat(closed).extracting(CloseReason::getCode).containsExactly(CloseCode.TOO_SLOW.code);
        assertThat(peer.queued()).as("what did not fit is not kept").isEqualTo(Peer.MAX_QUEUED);
        peer.send(change);
        assertThat(peer.queued()).isEqualTo(Peer.MAX_QUEUED);
    }
}
