package io.ternmq.e2e.robustness;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.robustness.HostileCase.Ending;
import io.ternmq.e2e.robustness.HostileCase.Kind;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input over real sockets (issue 9), complementing {@link io.ternmq.e2e.RandomInputTest}'s plain garbage:
 * several connections at once send mutated, truncated and oversized packets, invalid UTF-8, packet id abuse,
 * SUBSCRIBE floods and abused MQTT 5 CONNECTs, while a well-behaved client keeps publishing and receiving. Every
 * hostile connection must end with the reply the spec requires and a close, within a bound (never a hang); the
 * broker must count the violations, leak no buffer (Netty's detector at PARANOID) and no connection.
 * Seeded: each worker draws its cases from {@code SEED + worker}; the run stops after {@link #RUN_TIME}.
 */
class HostileInputTest {

    private static final long SEED = Long.getLong("ternmq.fuzz.seed", 0x5EED_F022L);
    private static final int WORKERS = 6;
    private static final Duration RUN_TIME = Duration.ofSeconds(20);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** The longest a hostile connection may stay open: the connect timeout plus slack for a loaded machine. */
    private static final Duration CASE_BOUND = Duration.ofSeconds(12);
    private static final String GOOD_TOPIC = "good/topic";

    private static LeakReports leaks;

    @BeforeAll
    static void detectLeaksParanoidly() {
        leaks = LeakReports.paranoid(); // before the broker starts, so that all its buffers are tracked
    }

    @AfterAll
    static void restoreLeakDetection() {
        leaks.uninstall();
    }

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with(b -> b.maxPacketSize(HostileCases.MAX_PACKET_SIZE)
            .connectTimeout(CONNECT_TIMEOUT));

    @Test
    void hostileConnections_concurrentWithAGoodClient_eachClosedCountedAndNothingLeaks() throws Exception {
        RawMqttClient subscriber = broker.subscriber("good-sub", GOOD_TOPIC, 1);
        RawMqttClient publisher = broker.connected("good-pub");
        long violationsBefore = broker.stats().protocolViolations();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        List<Future<Map<Kind, Integer>>> results = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            HostileCases cases = new HostileCases(new Random(SEED + w), "hostile" + w);
            results.add(workers.submit(() -> runUntilStopped(cases, stop)));
        }

        long deadline = System.nanoTime() + RUN_TIME.toNanos();
        int goodRounds = 0;
        while (System.nanoTime() < deadline) {
            goodRounds++;
            exchange(publisher, subscriber, goodRounds);
        }
        stop.set(true);
        workers.shutdown();
        Map<Kind, Integer> totals = new EnumMap<>(Kind.class);
        for (Future<Map<Kind, Integer>> result : results) {
            result.get(CASE_BOUND.toSeconds() * 2, TimeUnit.SECONDS)
                    .forEach((kind, n) -> totals.merge(kind, n, Integer::sum));
        }
        exchange(publisher, subscriber, ++goodRounds);

        int cases = totals.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("hostile input: %d cases over %d connections at once (seed %#x), %d good round trips: %s%n",
                cases, WORKERS, SEED, goodRounds, totals);
        assertThat(totals).as("every kind of case ran").hasSize(Kind.values().length);
        int certainViolations = totals.get(Kind.INVALID_UTF8_TOPIC) + totals.get(Kind.HUGE_LENGTH)
                + totals.get(Kind.PACKET_ID_ABUSE) + totals.get(Kind.RANDOM_BYTES);
        await().atMost(BrokerExtension.WAIT).untilAsserted(() -> assertThat(
                broker.stats().protocolViolations() - violationsBefore).isGreaterThanOrEqualTo(certainViolations));
        broker.awaitConnectedClients(2);
        subscriber.close();
        publisher.close();
        broker.awaitConnectedClients(0);
        await().atMost(BrokerExtension.WAIT).untilAsserted(() -> {
            assertThat(broker.broker().networkStats().openConnections()).isZero();
            assertThat(broker.broker().networkStats().pendingConnects()).isZero();
        });
        assertThat(leaks.collect()).as("Netty leak reports").isEmpty();
    }

    /** One QoS 1 message from the good publisher to the good subscriber, both acknowledged. */
    private static void exchange(RawMqttClient publisher, RawMqttClient subscriber, int round) {
        int packetId = 1 + round % 65_535;
        String payload = "good-" + round;
        publisher.send(Packets.publish(GOOD_TOPIC, 1, Retain.NO, Dup.NO, packetId, payload))
                .expectPacket(Packets.puback(packetId));
        ReceivedPublish received = subscriber.readPublish();
        assertThat(new String(received.payload(), StandardCharsets.UTF_8)).isEqualTo(payload);
        subscriber.send(Packets.puback(received.packetId()));
    }

    private Map<Kind, Integer> runUntilStopped(HostileCases cases, AtomicBoolean stop) throws IOException {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        while (!stop.get()) {
            HostileCase hostile = cases.next();
            run(hostile);
            counts.merge(hostile.kind(), 1, Integer::sum);
        }
        return counts;
    }

    private void run(HostileCase hostile) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", broker.port())) {
            try {
                socket.getOutputStream().write(hostile.bytes());
                if (hostile.ending() == Ending.CLIENT_HALF_CLOSES) {
                    socket.shutdownOutput();
                }
            } catch (SocketException closedWhileWriting) {
                // The broker may close before all of a bad input is written: a correct (early) reaction.
            }
            byte[] reply = readUntilClosed(socket, hostile);
            switch (hostile.ending()) {
                case BROKER_CLOSES_AFTER_REPLY -> assertThat(Hex.format(reply)).as("reply to %s: %s",
                        hostile.kind(), Hex.format(hostile.bytes())).isEqualTo(Hex.format(hostile.reply()));
                case BROKER_CLOSES -> assertThat(Hex.format(reply)).as("reply to %s: %s",
                        hostile.kind(), Hex.format(hostile.bytes())).startsWith(Hex.format(hostile.reply()));
                case CLIENT_HALF_CLOSES -> {
                    // Any reply is fine: the input may even have stayed valid; what counts is the close.
                }
            }
        }
    }

    /** Everything the broker sends until it closes; fails when it has not closed within {@link #CASE_BOUND}. */
    private static byte[] readUntilClosed(Socket socket, HostileCase hostile) throws IOException {
        long deadline = System.nanoTime() + CASE_BOUND.toNanos();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return fail("the broker did not close a %s connection within %s; sent %s, received %s",
                        hostile.kind(), CASE_BOUND, Hex.format(hostile.bytes()), Hex.format(received.toByteArray()));
            }
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (SocketException reset) {
                return received.toByteArray(); // a reset is a close too
            }
            if (n < 0) {
                return received.toByteArray();
            }
            received.write(buffer, 0, n);
        }
    }
}
