package io.ternmq.core;

import io.ternmq.protocol.Qos;
import io.ternmq.store.RetainedMessage;
import io.ternmq.store.memory.InMemoryRetainedMessageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RetainedIndexTest {

    private static final List<String> TOPICS = List.of("a", "a/b", "a/b/c", "a/c", "b", "/x", "$SYS/uptime",
            "$SYS/a/b", "a/$b");

    private final InMemoryRetainedMessageStore store = new InMemoryRetainedMessageStore();
    private final RetainedIndex index = new RetainedIndex(store);

    private static RetainedMessage message(String topic) {
        return new RetainedMessage(topic, topic.getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE);
    }

    private List<String> matching(String filter) {
        List<String> topics = new ArrayList<>();
        index.forEachMatching(filter, m -> topics.add(m.topic()));
        return topics;
    }

    @Test
    void retain_brokerOwnTopic_keptInMemoryButNotWrittenToTheStore() {
        index.retain(message("$SYS/broker/uptime"));
        index.retain(message("$SYS/other"));
        index.retain(message("a/b"));

        assertThat(matching("$SYS/#")).containsExactlyInAnyOrder("$SYS/broker/uptime", "$SYS/other");
        assertThat(store.all()).extracting(RetainedMessage::topic).containsExactlyInAnyOrder("$SYS/other", "a/b");
    }

    @Test
    void load_brokerOwnTopicStoredByAnEarlierVersion_isDroppedFromTheStore() {
        var earlier = new InMemoryRetainedMessageStore();
        earlier.put(message("$SYS/broker/uptime"));
        earlier.put(message("a/b"));

        var loaded = new RetainedIndex(earlier);

        assertThat(loaded.size()).isEqualTo(1);
        assertThat(earlier.all()).extracting(RetainedMessage::topic).containsExactly("a/b");
    }

    // [MQTT-3.3.1-6] retained messages of every matching topic; [MQTT-4.7.2-1] not '$' topics for wildcard filters
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "#; a,a/b,a/b/c,a/c,b,/x,a/$b",
            "a/#; a,a/b,a/b/c,a/c,a/$b",
            "a/+; a/b,a/c,a/$b",
            "+; a,b",
            "+/+; a/b,a/c,/x,a/$b",
            "a/b; a/b",
            "$SYS/#; $SYS/uptime,$SYS/a/b",
            "$SYS/+; $SYS/uptime",
            "+/uptime; ''",
            "nothing/here; ''",
    })
    void forEachMatching_filter_findsExactlyMatchingTopics(String filter, String expected) {
        TOPICS.forEach(topic -> index.retain(message(topic)));

        List<String> expectedTopics = expected.isEmpty() ? List.of() : List.of(expected.split(","));
        assertThat(matching(filter)).containsExactlyInAnyOrderElementsOf(expectedTopics);
    }

    @Test
    void forEachMatching_randomFilters_agreesWithReferenceMatcher() {
        TOPICS.forEach(topic -> index.retain(message(topic)));
        String[] levels = {"a", "b", "c", "$SYS", "$b", "x", "", "+", "#", "uptime"};
        Random random = new Random(1234);
        for (int i = 0; i < 2_000; i++) {
            String filter = randomFilter(random, levels);
            List<String> expected = TOPICS.stream().filter(t -> ReferenceMatcher.matches(filter, t)).toList();
            assertThat(matching(filter)).as(filter).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static String randomFilter(Random random, String[] levels) {
        StringBuilder filter = new StringBuilder();
        int depth = 1 + random.nextInt(3);
        for (int i = 0; i < depth; i++) {
            String level = levels[random.nextInt(levels.length)];
            filter.append(i == 0 ? "" : "/").append(level);
            if (level.equals("#")) {
                break;
            }
        }
        return filter.toString();
    }

    @Test
    void retain_sameTopicTwice_replacesAndWritesThrough() {
        // [MQTT-3.3.1-5] the latest retained message replaces the earlier one, also in the store
        index.retain(new RetainedMessage("a/b", new byte[]{1}, Qos.EXACTLY_ONCE));
        index.retain(new RetainedMessage("a/b", new byte[]{2}, Qos.AT_MOST_ONCE));

        List<RetainedMessage> found = new ArrayList<>();
        index.forEachMatching("a/b", found::add);
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.payload()).containsExactly(2);
            assertThat(m.qos()).isEqualTo(Qos.AT_MOST_ONCE);
        });
        assertThat(store.all()).singleElement().extracting(RetainedMessage::qos).isEqualTo(Qos.AT_MOST_ONCE);
    }

    @Test
    void clear_retainedTopic_removesFromIndexAndStore() {
        // [MQTT-3.3.1-10] a retained PUBLISH with an empty payload clears the topic
        index.retain(message("a/b/c"));
        index.retain(message("a"));

        index.clear("a/b/c");
        index.clear("never/retained");

        assertThat(matching("#")).containsExactly("a");
        assertThat(store.all()).extracting(RetainedMessage::topic).containsExactly("a");
    }

    @Test
    void newIndex_storeWithMessages_loadsThem() {
        store.put(message("x/y"));

        RetainedIndex reloaded = new RetainedIndex(store);

        List<String> topics = new ArrayList<>();
        reloaded.forEachMatching("x/+", m -> topics.add(m.topic()));
        assertThat(topics).containsExactly("x/y");
    }
}
