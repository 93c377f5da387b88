package io.ternmq.store;

import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link Storage} does, whatever keeps the data; each implementation runs these. */
public abstract class StorageContract {

    protected Storage storage;

    protected abstract Storage open();

    @BeforeEach
    void openStorage() {
        storage = open();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    /** Waits for the fence: every change submitted so far is written. */
    protected void settle() {
        var written = new CompletableFuture<Void>();
        storage.afterWrites(() -> written.complete(null));
        try {
            written.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("storage did not write within 10 s", e);
        }
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sessions_saveReplaceRemove_keepLatestState() {
        storage.sessions().save(new StoredSession("c1", Map.of("a/#", Qos.AT_LEAST_ONCE)));
        storage.sessions().save(new StoredSession("c1", Map.of("b/+", Qos.EXACTLY_ONCE),
                Instant.ofEpochMilli(1_700_000_000_000L)));
        storage.sessions().save(new StoredSession("c2", Map.of()));
        storage.sessions().save(new StoredSession("c3", Map.of()));
        storage.sessions().remove("c3");
        settle();

        assertThat(storage.sessions().find("c1")).contains(new StoredSession("c1", Map.of("b/+", Qos.EXACTLY_ONCE),
                Instant.ofEpochMilli(1_700_000_000_000L)));
        assertThat(storage.sessions().all()).extracting(StoredSession::clientId).containsExactlyInAnyOrder("c1", "c2");
        assertThat(storage.sessions().find("c3")).isEmpty();
    }

    @Test
    void messages_putAndRemove_iterateInIdOrder() {
        storage.messages().put(new StoredMessage(7, "t/b", Qos.EXACTLY_ONCE, bytes("seven")));
        storage.messages().put(new StoredMessage(3, "t/a", Qos.AT_LEAST_ONCE, bytes("three")));
        storage.messages().put(new StoredMessage(5, "t/c", Qos.AT_LEAST_ONCE, bytes("five")));
        storage.messages().remove(5);
        settle();

        List<StoredMessage> all = new ArrayList<>();
        storage.messages().forEach(all::add);
        assertThat(all).extracting(StoredMessage::id).containsExactly(3L, 7L);
        List<Long> ids = new ArrayList<>();
        storage.messages().forEachId(ids::add);
        assertThat(ids).containsExactly(3L, 7L);
        assertThat(storage.messages().find(7)).hasValueSatisfying(m -> {
            assertThat(m.topic()).isEqualTo("t/b");
            assertThat(m.qos()).isEqualTo(Qos.EXACTLY_ONCE);
            assertThat(m.payload()).isEqualTo(bytes("seven"));
        });
    }

    @Test
    void queues_entriesOfTwoClients_orderedByClientThenSequence() {
        storage.queues().add(new QueuedMessage("b", 2, 20, Qos.AT_LEAST_ONCE, false));
        storage.queues().add(new QueuedMessage("a", 10, 11, Qos.EXACTLY_ONCE, true));
        storage.queues().add(new QueuedMessage("a", 9, 12, Qos.AT_LEAST_ONCE, false));
        storage.queues().add(new QueuedMessage("ab", 1, 13, Qos.AT_LEAST_ONCE, false));
        settle();

        List<QueuedMessage> all = new ArrayList<>();
        storage.queues().forEach(all::add);
        assertThat(all).containsExactly(
                new QueuedMessage("a", 9, 12, Qos.AT_LEAST_ONCE, false),
                new QueuedMessage("a", 10, 11, Qos.EXACTLY_ONCE, true),
                new QueuedMessage("ab", 1, 13, Qos.AT_LEAST_ONCE, false),
                new QueuedMessage("b", 2, 20, Qos.AT_LEAST_ONCE, false));
    }

    @Test
    void queues_removeAll_removesOnlyThatClient() {
        storage.queues().add(new QueuedMessage("a", 1, 1, Qos.AT_LEAST_ONCE, false));
        storage.queues().add(new QueuedMessage("a", 2, 2, Qos.AT_LEAST_ONCE, false));
        storage.queues().add(new QueuedMessage("ab", 1, 3, Qos.AT_LEAST_ONCE, false));
        storage.queues().add(new QueuedMessage("b", 1, 4, Qos.AT_LEAST_ONCE, false));
        storage.queues().remove("b", 1);
        storage.queues().removeAll("a");
        settle();

        List<QueuedMessage> all = new ArrayList<>();
        storage.queues().forEach(all::add);
        assertThat(all).containsExactly(new QueuedMessage("ab", 1, 3, Qos.AT_LEAST_ONCE, false));
    }

    @Test
    void queues_page_returnsTheClientsNextEntriesAfterASequence() {
        for (int i = 1; i <= 5; i++) {
            storage.queues().add(new QueuedMessage("a", i, 100 + i, Qos.AT_LEAST_ONCE, false));
        }
        storage.queues().add(new QueuedMessage("ab", 1, 7, Qos.AT_LEAST_ONCE, false));
        settle();

        assertThat(storage.queues().page("a", 0, 2)).extracting(QueuedMessage::sequence).containsExactly(1L, 2L);
        assertThat(storage.queues().page("a", 2, 10)).extracting(QueuedMessage::sequence)
                .containsExactly(3L, 4L, 5L);
        assertThat(storage.queues().page("a", 5, 10)).isEmpty();
        assertThat(storage.queues().page("b", 0, 10)).isEmpty();
    }

    @Test
    void inflight_stageChange_replacesEntry() {
        var sent = new InflightEntry("c", 4, 17, 99, Qos.EXACTLY_ONCE, false, InflightStage.PUBLISH_SENT);
        storage.inflight().put(sent);
        storage.inflight().put(sent.withStage(InflightStage.PUBREL_SENT));
        storage.inflight().put(new InflightEntry("c", 5, 18, 100, Qos.AT_LEAST_ONCE, true,
                InflightStage.PUBLISH_SENT));
        storage.inflight().put(new InflightEntry("d", 1, 1, 101, Qos.AT_LEAST_ONCE, false,
                InflightStage.PUBLISH_SENT));
        storage.inflight().remove("c", 5);
        storage.inflight().removeAll("d");
        settle();

        List<InflightEntry> all = new ArrayList<>();
        storage.inflight().forEach(all::add);
        assertThat(all).containsExactly(sent.withStage(InflightStage.PUBREL_SENT));
    }

    @Test
    void moveToInflight_queuedMessageSent_leavesTheQueueForInflightAndOtherEntriesStay() {
        storage.queues().add(new QueuedMessage("c", 7, 70, Qos.AT_LEAST_ONCE, false));
        storage.queues().add(new QueuedMessage("c", 8, 80, Qos.EXACTLY_ONCE, true));
        var sent = new InflightEntry("c", 7, 3, 70, Qos.AT_LEAST_ONCE, false, InflightStage.PUBLISH_SENT);
        storage.moveToInflight(sent);
        settle();

        List<InflightEntry> inflight = new ArrayList<>();
        storage.inflight().forEach(inflight::add);
        assertThat(inflight).containsExactly(sent);
        assertThat(storage.queues().page("c", 0, 10)).extracting(QueuedMessage::sequence).containsExactly(8L);
    }

    @Test
    void inboundPacketIds_addRemove_keepUnreleasedOnes() {
        storage.inboundPacketIds().add(new InboundPacketId("c", 65_535));
        storage.inboundPacketIds().add(new InboundPacketId("c", 1));
        storage.inboundPacketIds().add(new InboundPacketId("c", 2));
        storage.inboundPacketIds().add(new InboundPacketId("d", 2));
        storage.inboundPacketIds().remove(new InboundPacketId("c", 2));
        storage.inboundPacketIds().removeAll("d");
        settle();

        List<InboundPacketId> all = new ArrayList<>();
        storage.inboundPacketIds().forEach(all::add);
        assertThat(all).containsExactly(new InboundPacketId("c", 1), new InboundPacketId("c", 65_535));
    }

    @Test
    void retained_putReplaceRemove_keepLatestPerTopic() {
        storage.retained().put(new RetainedMessage("a", bytes("1"), Qos.AT_MOST_ONCE));
        storage.retained().put(new RetainedMessage("a", bytes("2"), Qos.EXACTLY_ONCE));
        storage.retained().put(new RetainedMessage("b", bytes("3"), Qos.AT_LEAST_ONCE));
        storage.retained().remove("b");
        settle();

        assertThat(storage.retained().all()).singleElement().satisfies(m -> {
            assertThat(m.topic()).isEqualTo("a");
            assertThat(m.payload()).isEqualTo(bytes("2"));
            assertThat(m.qos()).isEqualTo(Qos.EXACTLY_ONCE);
        });
    }

    @Test
    void wills_putRemove_keepDelayedWills() {
        Instant at = Instant.ofEpochMilli(1_800_000_000_123L);
        storage.wills().put(new StoredWill("c1", "w/1", bytes("gone"), Qos.AT_LEAST_ONCE, true, at));
        storage.wills().put(new StoredWill("c2", "w/2", bytes("x"), Qos.AT_MOST_ONCE, false, at));
        storage.wills().remove("c2");
        settle();

        assertThat(storage.wills().all()).singleElement().satisfies(w -> {
            assertThat(w.clientId()).isEqualTo("c1");
            assertThat(w.topic()).isEqualTo("w/1");
            assertThat(w.payload()).isEqualTo(bytes("gone"));
            assertThat(w.qos()).isEqualTo(Qos.AT_LEAST_ONCE);
            assertThat(w.retain()).isTrue();
            assertThat(w.publishAt()).isEqualTo(at);
        });
    }

    @Test
    void mqtt5Fields_ofEveryKind_keptThroughTheStore() {
        var properties = new io.ternmq.protocol.PublishProperties(io.ternmq.protocol.PayloadFormat.UTF8, 30L, null,
                "re/1", bytes("corr"), List.of(new io.ternmq.protocol.UserProperty("k", "v2"),
                new io.ternmq.protocol.UserProperty("k", "v1")), List.of(), "text/plain");
        Instant at = Instant.ofEpochMilli(1_800_000_000_000L);
        var session = new StoredSession("c5", Map.of("a/+", Qos.AT_LEAST_ONCE), at, 90, Map.of("a/+",
                new SubscriptionOptions(true, true, io.ternmq.protocol.RetainHandling.DO_NOT_SEND, 12)));
        storage.sessions().save(session);
        storage.messages().put(new StoredMessage(9, "a/b", Qos.AT_LEAST_ONCE, bytes("m"), properties, at));
        storage.retained().put(new RetainedMessage("a/b", bytes("r"), Qos.AT_MOST_ONCE, properties, at));
        storage.wills().put(new StoredWill("c5", "w", bytes("w"), Qos.AT_MOST_ONCE, false, at, properties));
        settle();

        assertThat(storage.sessions().find("c5")).contains(session);
        assertThat(storage.messages().find(9)).hasValueSatisfying(m -> {
            assertThat(m.properties()).usingRecursiveComparison().isEqualTo(properties);
            assertThat(m.expiresAt()).isEqualTo(at);
        });
        assertThat(storage.retained().all()).singleElement().satisfies(r -> {
            assertThat(r.properties()).usingRecursiveComparison().isEqualTo(properties);
            assertThat(r.expiresAt()).isEqualTo(at);
        });
        assertThat(storage.wills().all()).singleElement().satisfies(w -> {
            assertThat(w.properties()).usingRecursiveComparison().isEqualTo(properties);
        });
    }

    @Test
    void afterWrites_manyFences_runInSubmissionOrder() {
        List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 100; i++) {
            int n = i;
            storage.queues().add(new QueuedMessage("c", i, i, Qos.AT_LEAST_ONCE, false));
            storage.afterWrites(() -> order.add(n));
        }
        settle();

        assertThat(order).hasSize(100).isSorted();
    }
}
