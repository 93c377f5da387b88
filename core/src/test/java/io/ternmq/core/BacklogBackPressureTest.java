package io.ternmq.core;

import io.ternmq.core.ClientChannel.ReadState;
import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static io.ternmq.core.TestClient.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A session thread that other threads hand work faster than it runs it is behind; publishers whose routes feed it
 * stop being read until it has caught up, instead of its queue growing without bound (DESIGN section 3).
 */
class BacklogBackPressureTest {

    private static final int THREADS = 2;

    private final ManualExecutor executor = new ManualExecutor();
    private final SessionThread thread = new SessionThread(1, executor);

    @Test
    void handOver_reachesTheBehindMark_behindUntilRun() {
        thread.handOver(tasks((int) SessionThread.BEHIND_AT - 1));
        assertThat(thread.isBehind()).isFalse();

        thread.handOver(tasks(1));
        assertThat(thread.isBehind()).isTrue();

        executor.runAll();
        assertThat(thread.isBehind()).isFalse();
    }

    @Test
    void whenCaughtUp_registeredWhileBehind_calledOnceBelowTheCaughtUpMark() {
        TaskChunks batch = tasks((int) SessionThread.BEHIND_AT);
        thread.handOver(batch);
        AtomicInteger calls = new AtomicInteger();

        thread.whenCaughtUp(calls::incrementAndGet);
        assertThat(calls).hasValue(0);
        executor.runAll();

        assertThat(calls).hasValue(1);
        thread.handOver(tasks(1));
        executor.runAll();
        assertThat(calls).as("a callback runs once").hasValue(1);
    }

    @Test
    void whenCaughtUp_notBehind_calledAtOnce() {
        AtomicInteger calls = new AtomicInteger();

        thread.whenCaughtUp(calls::incrementAndGet);

        assertThat(calls).hasValue(1);
    }

    @Test
    void holdForBacklog_pausesUntilTheTargetCaughtUp_secondHoldIgnored() {
        FakeChannel channel = new FakeChannel("peer");
        InboundBackPressure pressure = new InboundBackPressure(channel);
        thread.handOver(tasks((int) SessionThread.BEHIND_AT));

        assertThat(pressure.holdForBacklog(thread)).isTrue();
        assertThat(pressure.holdForBacklog(thread)).isFalse();
        assertThat(channel.readState()).isEqualTo(ReadState.PAUSED);

        executor.runAll();

        assertThat(channel.readState()).isEqualTo(ReadState.READING);
    }

    @Test
    void holdForBacklog_alreadyHeld_answersWithoutWaitingForTheLock() throws Exception {
        InboundBackPressure pressure = new InboundBackPressure(new FakeChannel("peer"));
        thread.handOver(tasks((int) SessionThread.BEHIND_AT));
        assertThat(pressure.holdForBacklog(thread)).isTrue();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> {
            synchronized (pressure) { // another thread changing the pressure's state, e.g. a resume
                locked.countDown();
                awaitQuietly(done);
            }
        });
        try {
            locked.await();

            // the rest of a held read batch: answered from the hold, not after the other thread's change
            boolean heldAgain = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> pressure.holdForBacklog(thread));
            assertThat(heldAgain).isFalse();
        } finally {
            done.countDown();
            holder.join();
        }
    }

    @Test
    void publish_subscriberThreadFallsBehind_publisherPausedCountedThenResumed() {
        TestBroker broker = new TestBroker(new CoreConfig(THREADS, 4, 8), TestBroker.BY_HASH);
        TestClient subscriber = broker.connected(ownedBy(1, "sub"), SessionMode.CLEAN);
        subscriber.subscribe(1, "t", Qos.AT_MOST_ONCE);
        TestClient publisher = broker.connected(ownedBy(0, "pub"), SessionMode.CLEAN);
        ManualExecutor publisherThread = broker.executors.get(0);

        // the publisher's thread keeps up with its reads; the subscriber's thread runs nothing meanwhile
        for (int sent = 0; sent < SessionThread.BEHIND_AT - 1; sent++) {
            publisher.connection().onPacket(publish("t", Qos.AT_MOST_ONCE, 0, "m"));
            if (sent % 512 == 511) {
                publisherThread.runAll();
            }
        }
        publisherThread.runAll();
        assertThat(publisher.channel().readState()).isEqualTo(ReadState.READING);
        publisher.connection().onPacket(publish("t", Qos.AT_MOST_ONCE, 0, "m"));
        publisherThread.runAll();

        assertThat(publisher.channel().readState()).isEqualTo(ReadState.PAUSED);
        assertThat(broker.core.stats().backlogPauses()).isEqualTo(1);
        assertThat(subscriber.channel().readState()).isEqualTo(ReadState.READING);

        broker.drain();

        assertThat(publisher.channel().readState()).isEqualTo(ReadState.READING);
        assertThat(subscriber.channel().publishes()).hasSize((int) SessionThread.BEHIND_AT);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TaskChunks tasks(int count) {
        TaskChunks tasks = new TaskChunks(count);
        for (int i = 0; i < count; i++) {
            tasks.add(() -> { });
        }
        return tasks;
    }

    private static String ownedBy(int index, String prefix) {
        for (int i = 0; ; i++) {
            if (Math.floorMod((prefix + i).hashCode(), THREADS) == index) {
                return prefix + i;
            }
        }
    }
}
