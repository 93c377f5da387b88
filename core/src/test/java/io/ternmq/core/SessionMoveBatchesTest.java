package io.ternmq.core;

import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.ternmq.core.TestClient.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A moving publisher's messages that its old thread batched for another thread reach that thread before anything
 * it publishes from its new one ({@link SessionThread#handOverBatchesNow}). The session threads run on dedicated
 * executors of their own, as on IO loops, so that routes between them are batched per turn; the IO thread is a
 * plain thread without batches, as a connection's loop is to a session on another.
 */
class SessionMoveBatchesTest {

    /** The subscriber on thread 1, where the publisher moves; the publisher on thread 0. */
    private static final SessionPlacement SUBSCRIBER_ON_SECOND =
            (clientId, owned, threads) -> clientId.equals("subscriber") ? 1 : 0;

    private final List<ExecutorService> loops = new ArrayList<>();
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final BrokerCore core = new BrokerCore(new CoreConfig(2, 4, 8), Authenticator.ALLOW_ALL,
            Authorizer.ALLOW_ALL, new FakeClock(), CoreStores.inMemory(), index -> new Loop(), SUBSCRIBER_ON_SECOND);

    @AfterEach
    void stop() {
        core.close();
        io.shutdownNow();
        loops.forEach(ExecutorService::shutdownNow);
    }

    @Test
    void movedTo_routesBatchedOnTheOldThread_reachTheSubscriberBeforeThoseFromTheNewThread() throws Exception {
        // [MQTT-4.6.0-5] [MQTT-4.6.0-6] one publisher's messages on one topic reach a subscriber in publish order
        FakeChannel subscriberChannel = new FakeChannel("10.0.0.1:1", io);
        MqttConnection subscriber = onIo(() -> core.accept(subscriberChannel));
        onIo(() -> subscriber.onPacket(connect("subscriber")));
        onIo(() -> subscriber.onPacket(new Subscribe(1, List.of(new TopicSubscription("t", Qos.AT_MOST_ONCE)))));
        await().until(() -> subscriberChannel.sent().stream().anyMatch(Suback.class::isInstance));
        FakeChannel publisherChannel = new FakeChannel("10.0.0.2:1", io);
        MqttConnection publisher = onIo(() -> core.accept(publisherChannel));
        onIo(() -> publisher.onPacket(connect("publisher")));
        await().until(() -> publisherChannel.sent().stream().anyMatch(Connack.class::isInstance));
        SessionThread oldThread = core.threads().get(0);
        SessionThread newThread = core.threads().get(1);
        CountDownLatch turnMayStart = new CountDownLatch(1);
        CountDownLatch flushMayRun = new CountDownLatch(1);

        onIo(() -> {
            oldThread.executor().execute(() -> awaitQuietly(turnMayStart));
            publisher.onPacket(publish("t", Qos.AT_MOST_ONCE, 0, "before")); // batched for thread 1 in that turn
            ((ConnectionHandler) publisher).onMovedTo(newThread);
            // the turn's own hand-over of its batch is queued when "before" is routed, so after this
            oldThread.executor().execute(() -> awaitQuietly(flushMayRun));
            publisher.onPacket(publish("t", Qos.AT_MOST_ONCE, 0, "after")); // held until the move is settled
            return null;
        });
        turnMayStart.countDown();
        await().until(() -> payloads(subscriberChannel).contains("after"));
        List<String> whileTheOldThreadWaits = payloads(subscriberChannel);
        flushMayRun.countDown();

        assertThat(core.threads().owners().ownerOf("publisher")).isSameAs(newThread);
        assertThat(whileTheOldThreadWaits).as("the batch handed over with the move, not at the end of the old turn")
                .containsExactly("before", "after");
    }

    private static Connect connect(String clientId) {
        return new Connect(ProtocolVersion.MQTT_3_1_1, clientId, true, 0, null, null, null);
    }

    private static List<String> payloads(FakeChannel channel) {
        return channel.publishes().stream().map(TestClient::text).toList();
    }

    private <T> T onIo(Callable<T> action) throws Exception {
        return io.submit(action).get(10, TimeUnit.SECONDS);
    }

    private void onIo(Runnable action) throws Exception {
        io.submit(action).get(10, TimeUnit.SECONDS);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A session thread's dedicated executor on a thread of its own. */
    private final class Loop implements DedicatedExecutor {
        private final ExecutorService thread = Executors.newSingleThreadExecutor();

        Loop() {
            loops.add(thread);
        }

        @Override
        public void execute(Runnable task) {
            thread.execute(task);
        }
    }
}
