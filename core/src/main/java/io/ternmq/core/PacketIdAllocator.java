package io.ternmq.core;

import java.util.function.IntPredicate;

/**
 * Packet identifiers for a session's outbound QoS 1/2 PUBLISHes: 1..65535 in turn, wrapping around and skipping
 * those still in use [MQTT-2.3.1-2] [MQTT-2.3.1-4]; 0 is never used [MQTT-2.3.1-1].
 */
final class PacketIdAllocator {

    static final int MAX_ID = 65_535;

    private int last;

    /** The next id not in use; the caller guarantees one is free (its window is smaller than 65535). */
    int next(IntPredicate inUse) {
        for (int tries = 0; tries < MAX_ID; tries++) {
            last = last == MAX_ID ? 1 : last + 1;
            if (!inUse.test(last)) {
                return last;
            }
        }
        throw new IllegalStateException("all 65535 packet identifiers are in use");
    }
}
