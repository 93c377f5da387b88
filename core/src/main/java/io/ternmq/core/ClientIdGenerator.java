package io.ternmq.core;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client ids for clients that sent an empty one with CleanSession=1 [MQTT-3.1.3-6]: a random prefix per broker
 * run (so ids do not repeat across restarts) and a sequence (so they do not repeat within one).
 */
final class ClientIdGenerator {

    private final String prefix;
    private final AtomicLong sequence = new AtomicLong();

    ClientIdGenerator() {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        prefix = "ternmq-" + HexFormat.of().formatHex(random) + "-";
    }

    String next() {
        return prefix + sequence.incrementAndGet();
    }
}
