package io.ternmq.store.rocksdb;

import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.RetainHandling;
import io.ternmq.protocol.UserProperty;
import io.ternmq.store.InboundPacketId;
import io.ternmq.store.InflightEntry;
import io.ternmq.store.InflightStage;
import io.ternmq.store.QueuedMessage;
import io.ternmq.store.RetainedMessage;
import io.ternmq.store.StorageMode;
import io.ternmq.store.StoredMessage;
import io.ternmq.store.StoredSession;
import io.ternmq.store.StoredWill;
import io.ternmq.store.SubscriptionOptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes the golden database of the current format version: one row of every kind (and, since version 2, one of
 * every kind with MQTT 5 fields), with values the golden test checks. Run once per format version and commit the
 * result under src/test/resources/golden/format-v{N}:
 * {@code java -cp <test classpath> io.ternmq.store.rocksdb.GoldenDatabase store/src/test/resources/golden/format-v2}
 * (format-v1 was written by the version 1 code: the same rows without the MQTT 5 ones).
 */
public final class GoldenDatabase {

    static final Instant WILL_AT = Instant.ofEpochMilli(1_800_000_000_000L);
    static final Instant EXPIRES_AT = Instant.ofEpochMilli(1_800_000_060_000L);
    static final PublishProperties PROPERTIES = new PublishProperties(PayloadFormat.UTF8, null, null, "replies/7",
            new byte[]{1, 2, 3}, List.of(new UserProperty("b", "2"), new UserProperty("a", "1"),
            new UserProperty("b", "3")), List.of(), "text/plain");
    static final PublishProperties WILL_PROPERTIES = new PublishProperties(PayloadFormat.UTF8, 120L, null,
            "replies/7", new byte[]{1, 2, 3}, PROPERTIES.userProperties(), List.of(), "text/plain");
    static final StoredSession V5_SESSION = new StoredSession("golden-v5", Map.of("v5/+/x", Qos.AT_LEAST_ONCE,
            "plain/#", Qos.AT_MOST_ONCE), EXPIRES_AT, 3600, Map.of("v5/+/x",
            new SubscriptionOptions(true, true, RetainHandling.DO_NOT_SEND, 268_435_455)));
    static final StoredMessage V5_MESSAGE = new StoredMessage(43, "v5/7/x", Qos.AT_LEAST_ONCE, utf8("22.5"),
            PROPERTIES, EXPIRES_AT);
    static final RetainedMessage V5_RETAINED = new RetainedMessage("v5/retained", utf8("kept"), Qos.EXACTLY_ONCE,
            PROPERTIES, EXPIRES_AT);
    static final StoredWill V5_WILL = new StoredWill("golden-v5", "v5/will", utf8("bye"), Qos.EXACTLY_ONCE, false,
            WILL_AT, WILL_PROPERTIES);

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
            storage.sessions().save(V5_SESSION);
            storage.messages().put(V5_MESSAGE);
            storage.retained().put(V5_RETAINED);
            storage.wills().put(V5_WILL);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
