package io.ternmq.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which thread owns a client id: placed by count when first claimed, kept while claimed, forgotten after. */
class SessionOwnersTest {

    private static final int THREADS = 3;

    private final SessionThread[] threads = threads(THREADS);
    private final SessionOwners owners = new SessionOwners(threads, SessionPlacement.FEWEST_OWNED);

    private static SessionThread[] threads(int count) {
        SessionThread[] threads = new SessionThread[count];
        for (int i = 0; i < count; i++) {
            threads[i] = new SessionThread(i, new ManualExecutor());
        }
        return threads;
    }

    @Test
    void claim_newClientIds_eachThreadOwnsAThird() {
        for (int i = 0; i < 99; i++) {
            owners.claim("client" + i);
        }

        for (int i = 0; i < THREADS; i++) {
            assertThat(owners.owned(i)).as("thread %d", i).isEqualTo(33);
        }
        assertThat(owners.size()).isEqualTo(99);
    }

    @Test
    void claim_fewestOwned_takesTheNextClientIdAndTheLowestIndexAmongEquals() {
        assertThat(owners.claim("a").index()).isZero();
        assertThat(owners.claim("b").index()).isEqualTo(1);
        assertThat(owners.claim("c").index()).isEqualTo(2);
        owners.release("b");

        assertThat(owners.claim("d").index()).as("thread 1 now owns the fewest").isEqualTo(1);
    }

    @Test
    void claim_clientIdAlreadyClaimed_sameThreadWhateverTheOthersOwn() {
        SessionThread first = owners.claim("same");
        for (int i = 0; i < 10; i++) {
            owners.claim("other" + i);
        }

        assertThat(owners.claim("same")).isSameAs(first);
        assertThat(owners.ownerOf("same")).isSameAs(first);
        assertThat(owners.size()).isEqualTo(11);
    }

    @Test
    void release_notTheLastClaim_clientIdKeepsItsThread() {
        SessionThread owner = owners.claim("held");
        owners.claim("held");

        owners.release("held");

        assertThat(owners.ownerOf("held")).isSameAs(owner);
        assertThat(owners.owned(owner.index())).isEqualTo(1);
    }

    @Test
    void release_lastClaim_clientIdForgottenAndItsPlaceFree() {
        SessionThread owner = owners.claim("gone");
        owners.claim("gone");

        owners.release("gone");
        owners.release("gone");

        assertThat(owners.ownerOf("gone")).isNull();
        assertThat(owners.owned(owner.index())).isZero();
        assertThat(owners.size()).isZero();
    }

    @Test
    void release_clientIdNeverClaimed_throwsAndChangesNothing() {
        owners.claim("kept");

        assertThatThrownBy(() -> owners.release("unknown")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown");
        assertThat(owners.size()).isEqualTo(1);
        assertThat(owners.owned(0)).isEqualTo(1);
    }

    @Test
    void move_heldBySessionAndConnectionOnly_newOwnerAfterTheHandOverAndCountsFollow() {
        SessionThread from = owners.claim("publisher");
        owners.claim("publisher");
        SessionThread to = threads[2];
        List<SessionThread> ownerDuringHandOver = new ArrayList<>();

        boolean moved = owners.move("publisher", from, to, () -> ownerDuringHandOver.add(owners.ownerOf("publisher")));

        assertThat(moved).isTrue();
        assertThat(ownerDuringHandOver).as("nobody sees the new owner before the hand-over").containsExactly(from);
        assertThat(owners.ownerOf("publisher")).isSameAs(to);
        assertThat(owners.claim("publisher")).as("a new connection goes to the new owner").isSameAs(to);
        assertThat(owners.owned(from.index())).isZero();
        assertThat(owners.owned(to.index())).isEqualTo(1);
    }

    @Test
    void move_aThirdClaimHolds_refusedWithoutHandOver() {
        SessionThread from = owners.claim("publisher");
        owners.claim("publisher");
        owners.claim("publisher"); // a second connection of the client id is starting on the old owner
        List<String> handOvers = new ArrayList<>();

        boolean moved = owners.move("publisher", from, threads[2], () -> handOvers.add("ran"));

        assertThat(moved).isFalse();
        assertThat(handOvers).isEmpty();
        assertThat(owners.ownerOf("publisher")).isSameAs(from);
    }

    @Test
    void move_afterMovesStopped_refusedWithoutHandOver() {
        SessionThread from = owners.claim("publisher");
        owners.claim("publisher");
        List<String> handOvers = new ArrayList<>();

        owners.stopMoves();

        assertThat(owners.move("publisher", from, threads[2], () -> handOvers.add("ran"))).isFalse();
        assertThat(handOvers).isEmpty();
        assertThat(owners.ownerOf("publisher")).isSameAs(from);
    }

    @Test
    void move_onlyOneClaimHolds_refused() {
        SessionThread from = owners.claim("session-only");

        assertThat(owners.move("session-only", from, threads[2], () -> { })).isFalse();
        assertThat(owners.ownerOf("session-only")).isSameAs(from);
    }

    @Test
    void move_fromNotTheOwnerOrNothingClaimed_refused() {
        SessionThread from = owners.claim("publisher");
        owners.claim("publisher");
        SessionThread other = threads[(from.index() + 1) % THREADS];

        assertThat(owners.move("publisher", other, threads[2], () -> { })).isFalse();
        assertThat(owners.move("unknown", from, threads[2], () -> { })).isFalse();
        assertThat(owners.ownerOf("publisher")).isSameAs(from);
        assertThat(owners.ownerOf("unknown")).isNull();
    }

    /**
     * Four threads claim and release 16 client ids at random (seeded), each releasing only what it claimed. While
     * any claim on a client id holds, every claim on it must answer the same thread; at the end nothing is owned.
     */
    @Test
    void claimAndRelease_concurrently_oneOwnerPerClientIdWhileClaimed_nothingLeftAfter() throws Exception {
        int workers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> faults = new ConcurrentLinkedQueue<>();
        List<Thread> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            long seed = 7919L * (w + 1);
            Thread worker = new Thread(() -> {
                Random random = new Random(seed);
                Map<String, Integer> held = new HashMap<>();
                Map<String, SessionThread> seen = new HashMap<>();
                await(start);
                for (int op = 0; op < 200_000; op++) {
                    String clientId = "c" + random.nextInt(16);
                    int holds = held.getOrDefault(clientId, 0);
                    if (holds > 0 && random.nextBoolean()) {
                        owners.release(clientId);
                        held.put(clientId, holds - 1);
                        continue;
                    }
                    SessionThread owner = owners.claim(clientId);
                    if (holds > 0 && owner != seen.get(clientId)) {
                        faults.add(clientId + " moved while claimed");
                    }
                    seen.put(clientId, owner);
                    held.put(clientId, holds + 1);
                }
                held.forEach((clientId, holds) -> {
                    for (int i = 0; i < holds; i++) {
                        owners.release(clientId);
                    }
                });
            });
            running.add(worker);
            worker.start();
        }
        start.countDown();
        for (Thread worker : running) {
            worker.join();
        }

        assertThat(faults).isEmpty();
        assertThat(owners.size()).isZero();
        for (int i = 0; i < THREADS; i++) {
            assertThat(owners.owned(i)).as("thread %d", i).isZero();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
