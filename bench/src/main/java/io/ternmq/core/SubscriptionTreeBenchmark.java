package io.ternmq.core;

import io.ternmq.protocol.Qos;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Matching a topic against 100,000 filters: per device one of "site/S/dev/D/temp" (90%), "site/S/dev/D/#" (5%)
 * or "site/S/+/D/temp" (5%), 100 sites of 1,000 devices. Alone, on two threads at once, and while another thread
 * subscribes and unsubscribes (the read-write lock's contention).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SubscriptionTreeBenchmark {

    private static final int SITES = 100;
    private static final int DEVICES = 1_000;

    private final SubscriptionTree<Integer> tree = new SubscriptionTree<>();
    private String[] topics;

    @Setup(Level.Trial)
    public void fill() {
        for (int k = 0; k < SITES * DEVICES; k++) {
            int site = k / DEVICES;
            int device = k % DEVICES;
            String filter = switch (k % 20) {
                case 0 -> "site/" + site + "/dev/" + device + "/#";
                case 1 -> "site/" + site + "/+/" + device + "/temp";
                default -> "site/" + site + "/dev/" + device + "/temp";
            };
            tree.subscribe(filter, k, SubscriptionOptions.of(Qos.AT_LEAST_ONCE));
        }
        SplittableRandom random = new SplittableRandom(42);
        topics = new String[4096];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = "site/" + random.nextInt(SITES) + "/dev/" + random.nextInt(DEVICES) + "/temp";
        }
    }

    /** Per-thread scratch: the result map and the position in the topic list. */
    @State(Scope.Thread)
    public static class Cursor {
        final Map<Integer, SubscriptionOptions> result = new HashMap<>();
        int next;
        int churn;
    }

    @Benchmark
    public int match(Cursor cursor) {
        return matchNext(cursor);
    }

    /** Two threads matching at once, as the sessions of two IO threads do: what the lock's shared state costs. */
    @Benchmark
    @Threads(2)
    public int matchOnTwoThreads(Cursor cursor) {
        return matchNext(cursor);
    }

    @Benchmark
    @Group("churn")
    @GroupThreads(1)
    public int matchWhileChurning(Cursor cursor) {
        return matchNext(cursor);
    }

    @Benchmark
    @Group("churn")
    @GroupThreads(1)
    public boolean subscribeUnsubscribe(Cursor cursor) {
        int k = cursor.churn++ & 0xFFFF;
        String filter = "site/" + (k % SITES) + "/dev/" + (k % DEVICES) + "/churn";
        tree.subscribe(filter, -1 - k, SubscriptionOptions.of(Qos.AT_MOST_ONCE));
        return tree.unsubscribe(filter, -1 - k);
    }

    private int matchNext(Cursor cursor) {
        cursor.result.clear();
        tree.match(topics[cursor.next++ & (topics.length - 1)], cursor.result);
        return cursor.result.size();
    }
}
