package io.ternmq.core;

import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random subscribe/unsubscribe/match from several threads at once, checked against a simple model: each
 * writer thread owns its subscribers and keeps their filters in a plain map; a reference matcher (a different
 * algorithm: level by level over the filter) decides what must match.
 */
class SubscriptionTreeConcurrencyTest {

    private static final String[] LEVELS = {"a", "b", "c", "$SYS", ""};
    private static final String[] FILTER_LEVELS = {"a", "b", "c", "$SYS", "", "+", "#"};
    private static final int WRITERS = 4;
    private static final int OPERATIONS = 4_000;
    /** Subscribers of "a/b" that nobody removes either, so that a match racing the writers has a known answer. */
    private static final int STABLE = 20;

    @Test
    void concurrentSubscribeUnsubscribeMatch_seededWorkload_agreesWithModel() throws InterruptedException {
        SubscriptionTree<String> tree = new SubscriptionTree<>();
        // a subscriber nobody ever removes: every concurrent match of "a/b" must see it
        tree.subscribe("a/+", "anchor", SubscriptionOptions.of(Qos.AT_LEAST_ONCE));
        for (int i = 0; i < STABLE; i++) {
            tree.subscribe("a/b", "stable-" + i, SubscriptionOptions.of(Qos.EXACTLY_ONCE));
        }
        List<Map<String, Map<String, Qos>>> models = new ArrayList<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Map<String, Map<String, Qos>> model = new HashMap<>();
            models.add(model);
            long seed = 42L + w;
            String prefix = "w" + w + "-";
            threads.add(Thread.ofPlatform().start(() -> write(tree, model, new Random(seed), prefix, start)));
        }
        threads.add(Thread.ofPlatform().start(() -> readWhileWriting(tree, new Random(7), failures, start)));
        start.countDown();
        for (Thread thread : threads) {
            assertThat(thread.join(java.time.Duration.ofSeconds(60))).isTrue();
        }

        assertThat(failures).isEmpty();
        Random topics = new Random(99);
        for (int i = 0; i < 500; i++) {
            String topic = randomTopic(topics);
            Map<String, SubscriptionOptions> matched = new HashMap<>();
            tree.match(topic, matched);
            Map<String, Qos> actual = new HashMap<>();
            matched.forEach((subscriber, options) -> actual.put(subscriber, options.qos()));
            Map<String, Qos> expected = expectedMatches(models, topic);
            if (ReferenceMatcher.matches("a/+", topic)) {
                expected.put("anchor", Qos.AT_LEAST_ONCE);
            }
            if (topic.equals("a/b")) {
                for (int s = 0; s < STABLE; s++) {
                    expected.put("stable-" + s, Qos.EXACTLY_ONCE);
                }
            }
            assertThat(actual).as("topic %s", topic).isEqualTo(expected);
        }
    }

    private static void write(SubscriptionTree<String> tree, Map<String, Map<String, Qos>> model, Random random,
                              String prefix, CountDownLatch start) {
        await(start);
        for (int i = 0; i < OPERATIONS; i++) {
            String subscriber = prefix + random.nextInt(5);
            Map<String, Qos> filters = model.computeIfAbsent(subscriber, s -> new HashMap<>());
            if (random.nextInt(3) > 0 || filters.isEmpty()) {
                String filter = randomFilter(random);
                Qos qos = Qos.fromValue(random.nextInt(3));
                tree.subscribe(filter, subscriber, SubscriptionOptions.of(qos));
                filters.put(filter, qos);
            } else {
                String filter = new ArrayList<>(filters.keySet()).get(random.nextInt(filters.size()));
                tree.unsubscribe(filter, subscriber);
                filters.remove(filter);
            }
        }
    }

    private static void readWhileWriting(SubscriptionTree<String> tree, Random random,
                                         ConcurrentLinkedQueue<String> failures, CountDownLatch start) {
        await(start);
        for (int i = 0; i < OPERATIONS; i++) {
            Map<String, SubscriptionOptions> result = new HashMap<>();
            tree.match("a/b", result);
            if (result.get("anchor") != SubscriptionOptions.of(Qos.AT_LEAST_ONCE)) {
                failures.add("anchor missing from match " + i);
            }
            for (int s = 0; s < STABLE; s++) {
                if (result.get("stable-" + s) != SubscriptionOptions.of(Qos.EXACTLY_ONCE)) {
                    failures.add("stable-" + s + " missing from match " + i + ": " + result);
                }
            }
            for (String subscriber : result.keySet()) {
                if (!subscriber.equals("anchor") && !subscriber.startsWith("stable-") && !subscriber.startsWith("w")) {
                    failures.add("unknown subscriber in match " + i + ": " + subscriber);
                }
            }
            tree.match(randomTopic(random), new HashMap<>());
        }
    }

    private static Map<String, Qos> expectedMatches(List<Map<String, Map<String, Qos>>> models, String topic) {
        Map<String, Qos> expected = new HashMap<>();
        for (Map<String, Map<String, Qos>> model : models) {
            model.forEach((subscriber, filters) -> filters.forEach((filter, qos) -> {
                if (ReferenceMatcher.matches(filter, topic)) {
                    expected.merge(subscriber, qos, Qos::max);
                }
            }));
        }
        return expected;
    }

    private static String randomTopic(Random random) {
        StringBuilder topic = new StringBuilder(LEVELS[random.nextInt(LEVELS.length)]);
        int depth = random.nextInt(3);
        for (int i = 0; i < depth; i++) {
            topic.append('/').append(LEVELS[random.nextInt(LEVELS.length)]);
        }
        return topic.toString();
    }

    private static String randomFilter(Random random) {
        int depth = 1 + random.nextInt(3);
        StringBuilder filter = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            String level = FILTER_LEVELS[random.nextInt(FILTER_LEVELS.length)];
            if (i > 0) {
                filter.append('/');
            }
            filter.append(level);
            if (level.equals("#")) {
                break;
            }
        }
        return filter.toString();
    }

    private static void await(CountDownLatch start) {
        try {
            if (!start.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("start signal never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
