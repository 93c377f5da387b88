package io.ternmq.protocol.codec;

import io.netty.util.concurrent.FastThreadLocal;

import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 bytes of the topic a thread encoded last. A fan-out encodes one message's PUBLISH for every
 * subscriber, all with the same topic String: it is checked and converted once, then copied (the character loops
 * per subscriber were the IO thread's top self-time frames). Keyed by identity, so a cache hit costs one
 * comparison, and an equal topic in another String is simply converted again.
 */
final class TopicBytes {

    private static final FastThreadLocal<TopicBytes> LAST = new FastThreadLocal<>() {
        @Override
        protected TopicBytes initialValue() {
            return new TopicBytes();
        }
    };

    private String topic = "";
    private byte[] utf8 = new byte[0];

    private TopicBytes() {
    }

    /** The topic's UTF-8 encoding, checked as an MQTT string; the caller must not modify it. */
    static byte[] of(String topic) {
        TopicBytes last = LAST.get();
        if (last.topic != topic) {
            Utf8.encodedLength(topic, "topic name"); // throws for what MQTT forbids: U+0000, lone surrogates
            last.utf8 = topic.getBytes(StandardCharsets.UTF_8);
            last.topic = topic;
        }
        return last.utf8;
    }
}
