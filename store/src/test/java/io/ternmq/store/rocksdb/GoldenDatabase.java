package io.ternmq.store.rocksdb;

import io.ternmq.protocol.Qos;
import io.ternmq.store.InboundPacketId;
import io.ternmq.store.InflightEntry;
import io.ternmq.store.InflightStage;
import io.ternmq.store.QueuedMessage;
import io.ternmq.store.RetainedMessage;
import io.ternmq.store.StorageMode;
import io.ternmq.store.StoredMessage;
import io.ternmq.store.StoredSession;
import io.ternmq.store.StoredWill;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Writes the golden database of the current format version: one row of every kind, with values the golden test
 * checks. Run once per format version and commit the result under src/test/resources/golden/format-v{N}:
 * {@code java -cp <test classpath> io.ternmq.store.rocksdb.GoldenDatabase store/src/test/resources/golden/format-v1}
 */
public final class GoldenDatabase {

    static final Instant WILL_AT = Instant.ofEpochMilli(1_800_000_000_000L);

    private GoldenDatabase() {
    }

    public static void main(String[] args) {
        try (var storage = RocksStorage.open(Path.of(args[0]), StorageMode.FSYNC)) {
            storage.sessions().save(new StoredSession("golden-client",
                    Map.of("sensors/+/temp", Qos.AT_LEAST_ONCE, "alerts/#", Qos.EXACTLY_ONCE)));
            storage.messages().put(new StoredMessage(42, "sensors/7/temp", Qos.EXACTLY_ONCE, utf8("21.5")));
            storage.queues().add(new QueuedMessage("golden-client", 3, 42, Qos.AT_LEAST_ONCE, false));
            storage.inflight().put(new InflightEntry("golden-client", 2, 17, 42, Qos.EXACTLY_ONCE, true,
                    InflightStage.PUBLISH_SENT));
            storage.inboundPacketIds().add(new InboundPacketId("golden-client", 9));
            storage.retained().put(new RetainedMessage("status/golden", utf8("online"), Qos.AT_LEAST_ONCE));
            storage.wills().put(new StoredWill("golden-client", "status/golden", utf8("offline"), Qos.AT_LEAST_ONCE,
                    true, WILL_AT));
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
