package io.ternmq.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SharedFilterTest {

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource({
            "$share/g/a/b, g, a/b",
            "$share/group-1/#, group-1, #",
            "$share/g/+, g, +",
            "$share/g//, g, /",
            "$share/g/$SYS/x, g, $SYS/x",
            "$share/g/$share/h/a, g, $share/h/a",
    })
    void parse_validSharedFilter_splitsNameAndFilter(String topicFilter, String shareName, String filter) {
        // [MQTT-4.8.2-1] [MQTT-4.8.2-2] "$share/", a name, '/', a topic filter
        assertThat(SharedFilter.parse(topicFilter)).isEqualTo(new SharedFilter(shareName, filter));
        assertThat(SharedFilter.parse(topicFilter)).hasToString(topicFilter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$share//a", "$share/g", "$share/g/", "$share/+/a", "$share/#", "$share/g+/a",
            "$share/g#/a", "$share/a#b/c", "$share/"})
    void parse_invalidSharedFilter_null(String topicFilter) {
        // [MQTT-4.8.2-1] a ShareName of at least one character; [MQTT-4.8.2-2] no '+', '#' in it, then '/' and a filter
        assertThat(SharedFilter.isShared(topicFilter)).isTrue();
        assertThat(SharedFilter.parse(topicFilter)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$share", "a/$share/g/b", "$SHARE/g/a", "share/g/a", "$sharex/g/a"})
    void isShared_otherFilters_false(String topicFilter) {
        assertThat(SharedFilter.isShared(topicFilter)).isFalse();
        assertThat(SharedFilter.parse(topicFilter)).isNull();
    }
}
