package io.ternmq.e2e.bench;

import io.ternmq.server.Broker;
import io.ternmq.store.StorageMode;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * QoS 1 throughput into persistent sessions, memory vs wal vs fsync, side by side in one run: 2 publishers (window
 * 64 unacknowledged each) and 2 online persistent subscribers (CleanSession=0, QoS 1, acknowledging everything).
 * Throughput = messages the publishers got PUBACK for per second, after a warm-up. Run:
 * {@code java -cp <e2e test classpath> io.ternmq.e2e.bench.PersistentThroughputBench [messagesPerPublisher]}
 */
public final class PersistentThroughputBench {

    private static final int PUBLISHERS = 2;
    private static final int SUBSCRIBERS = 2;
    private static final int WINDOW = 64;
    private static final byte[] PAYLOAD = new byte[128];

    private PersistentThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<StorageMode> modes = List.of(StorageMode.MEMORY, StorageMode.WAL, StorageMode.FSYNC);
        for (StorageMode mode : modes) {
            run(mode, messages / 5); // warm-up: JIT and RocksDB caches
        }
        double memory = 0;
        for (StorageMode mode : modes) {
            double rate = run(mode, messages);
            if (mode == StorageMode.MEMORY) {
                memory = rate;
            }
            System.out.printf(Locale.ROOT, "%-6s %,10.0f msg/s  %5.1f %% of memory%n", mode.configName(), rate,
                    100 * rate / memory);
        }
    }

    private static double run(StorageMode mode, int messagesPerPublisher) throws Exception {
        Path dataDir = Files.createTempDirectory("ternmq-bench-");
        try (Broker broker = Broker.builder().bind("127.0.0.1").port(0).storageMode(mode).dataDir(dataDir)
                .maxQueuedMessages(1_000_000).maxInflightMessages(256).start()) {
            long expected = (long) messagesPerPublisher * PUBLISHERS * SUBSCRIBERS;
            AtomicLong delivered = new AtomicLong();
            CountDownLatch allDelivered = new CountDownLatch(1);
            List<RawMqttClient> subscribers = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                RawMqttClient subscriber = connect(broker.port(), "bench-sub-" + i, CleanSession.NO);
                subscriber.send(Packets.subscribe(1, "bench/#", 1)).readPacket();
                subscribers.add(subscriber);
                Thread.ofPlatform().daemon().start(() -> acknowledgeAll(subscriber, delivered, expected, allDelivered));
            }
            long started = System.nanoTime();
            List<Thread> publishers = new ArrayList<>();
            for (int i = 0; i < PUBLISHERS; i++) {
                int index = i;
                publishers.add(Thread.ofPlatform().start(() -> publish(broker.port(), index, messagesPerPublisher)));
            }
            for (Thread publisher : publishers) {
                publisher.join();
            }
            long elapsed = System.nanoTime() - started;
            allDelivered.await();
            subscribers.forEach(RawMqttClient::close);
            return (double) messagesPerPublisher * PUBLISHERS / (elapsed / 1e9);
        } finally {
            deleteRecursively(dataDir);
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static RawMqttClient connect(int port, String clientId, CleanSession clean) {
        RawMqttClient client = RawMqttClient.connect("127.0.0.1", port);
        client.send(Packets.connect(clientId, clean, 0));
        client.expectPacket(Packets.connack(SessionPresent.NO, 0));
        return client;
    }

    private static void publish(int port, int index, int messages) {
        try (RawMqttClient client = connect(port, "bench-pub-" + index, CleanSession.YES)) {
            int sent = 0;
            int acked = 0;
            while (acked < messages) {
                while (sent < messages && sent - acked < WINDOW) {
                    int packetId = sent % 65_535 + 1;
                    client.send(Packets.publish("bench/" + index, 1, Retain.NO, Dup.NO, packetId, PAYLOAD));
                    sent++;
                }
                client.readPacket(Duration.ofSeconds(60));
                acked++;
            }
        }
    }

    private static void acknowledgeAll(RawMqttClient subscriber, AtomicLong delivered, long expected,
                                       CountDownLatch done) {
        try {
            while (true) {
                byte[] packet = subscriber.readPacket(Duration.ofSeconds(60));
                if ((packet[0] & 0xF0) == 0x30) {
                    subscriber.send(Packets.puback(ReceivedPublish.parse(packet).packetId()));
                    if (delivered.incrementAndGet() == expected) {
                        done.countDown();
                    }
                }
            }
        } catch (RuntimeException | AssertionError closed) {
            done.countDown();
        }
    }
}
