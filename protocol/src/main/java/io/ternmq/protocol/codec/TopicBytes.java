package io.ternmq.protocol.codec;

import io.netty.util.concurrent.FastThreadLocal;

import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 bytes of the topics a thread encoded recently. A fan-out encodes one message's PUBLISH for every
 * subscriber, all with the same topic String, and a publisher's messages share one String when
 * {@link RecentTopics} decoded them: each is checked and converted once, then copied (the character loops per
 * delivery were the IO thread's top self-time frames). Direct-mapped by the String's hash code and keyed by
 * identity, so a hit costs one comparison, and an equal topic in another String is simply converted again.
 */
final class TopicBytes {

    /** As many as {@link RecentTopics}: fifty publishers' topics in 64 slots shared a slot in pairs and took turns. */
    private static final int SLOTS = 512;

    private static final FastThreadLocal<TopicBytes> LOCAL = new FastThreadLocal<>() {
        @Override
        protected TopicBytes initialValue() {
            return new TopicBytes();
        }
    };

    private final String[] topics = new String[SLOTS];
    private final byte[][] utf8 = new byte[SLOTS][];

    private TopicBytes() {
    }

    /** The topic's UTF-8 encoding, checked as an MQTT string; the caller must not modify it. */
    static byte[] of(String topic) {
        TopicBytes cache = LOCAL.get();
        int slot = (topic.hashCode() * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(SLOTS));
        if (cache.topics[slot] != topic) {
            Utf8.encodedLength(topic, "topic name"); // throws for what MQTT forbids: U+0000, lone surrogates
            cache.utf8[slot] = topic.getBytes(StandardCharsets.UTF_8);
            cache.topics[slot] = topic;
        }
        return cache.utf8[slot];
    }
}
