package io.ternmq.store.rocksdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keys of per-client rows (queues, in-flight, inbound QoS 2 ids).
 * <pre>
 *   key = UTF-8(client id) 0x00 number:i64 big-endian
 * </pre>
 * A client id never contains U+0000 [MQTT-1.5.3-2], so 0x00 ends it unambiguously, all rows of one client are
 * contiguous and ordered by number (sequence or packet id; never negative), and
 * [UTF-8(id) 0x00, UTF-8(id) 0x01) is exactly that client's range: one range delete removes them.
 */
final class ClientKeys {

    private ClientKeys() {
    }

    static byte[] key(String clientId, long number) {
        return new ValueWriter(clientId.length() + 9).raw(clientId.getBytes(StandardCharsets.UTF_8)).u8(0)
                .i64(number).toBytes();
    }

    static byte[] rangeStart(String clientId) {
        return withTerminator(clientId, 0);
    }

    static byte[] rangeEnd(String clientId) {
        return withTerminator(clientId, 1);
    }

    private static byte[] withTerminator(String clientId, int terminator) {
        byte[] utf8 = clientId.getBytes(StandardCharsets.UTF_8);
        byte[] bound = Arrays.copyOf(utf8, utf8.length + 1);
        bound[utf8.length] = (byte) terminator;
        return bound;
    }

    static String clientId(byte[] key) {
        int end = separator(key);
        return new String(key, 0, end, StandardCharsets.UTF_8);
    }

    static long number(byte[] key) {
        return new ValueReader(key, separator(key) + 1).i64();
    }

    private static int separator(byte[] key) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] == 0) {
                if (key.length - i - 1 != 8) {
                    throw new CorruptValueException("client key without its 8-byte number");
                }
                return i;
            }
        }
        throw new CorruptValueException("client key without separator");
    }
}
