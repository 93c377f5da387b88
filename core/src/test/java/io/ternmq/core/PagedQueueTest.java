package io.ternmq.core;

import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.store.QueuedMessage;
import io.ternmq.store.StoredMessage;
import io.ternmq.store.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A recovered queue stays on disk and is paged in as it drains: bounded memory, exact order, nothing lost. */
class PagedQueueTest {

    private static final int PAGE = 16;
    private final InMemoryStorage storage = new InMemoryStorage();
    private final SharedRows sharedRows = new SharedRows();
    private final List<Publish> sent = new ArrayList<>();
    private final OutboundFlow.Sink sink = packet -> {
        if (packet instanceof Publish publish) {
            sent.add(publish);
        }
    };

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void storeQueue(String clientId, int count) {
        for (int i = 1; i <= count; i++) {
            storage.messages().put(new StoredMessage(i, "t", Qos.AT_LEAST_ONCE, utf8("m" + i)));
            storage.queues().add(new QueuedMessage(clientId, i, i, Qos.AT_LEAST_ONCE, false));
        }
    }

    private OutboundFlow restoredFlow(String clientId, int count) {
        var flow = new OutboundFlow(4, 10, new PersistentJournal(clientId, storage));
        flow.restoreQueued(new StoredQueue(clientId, storage, sharedRows, PAGE, count));
        return flow;
    }

    @Test
    void restore_longQueue_holdsOnePageCountsAll() {
        storeQueue("c", 100);

        OutboundFlow flow = restoredFlow("c", 100);

        assertThat(flow.queuedCount()).isEqualTo(100);
        assertThat(flow.heldInMemory()).isEqualTo(PAGE);
    }

    @Test
    void drain_pagedQueueThenNewMessage_sentInOrderWithBoundedMemory() {
        storeQueue("c", 100);
        OutboundFlow flow = restoredFlow("c", 100);
        var row = PersistedMessage.store(new StoredMessage(101, "t", Qos.AT_LEAST_ONCE, utf8("m101")), 1,
                storage.messages());
        // queued after the restart: beyond the queue limit of 10 would drop it, so the limit counts what is on disk
        assertThat(flow.deliver(new Delivery("t", utf8("m101"), Qos.AT_LEAST_ONCE, false, 101, row), null))
                .isEqualTo(OutboundFlow.Outcome.DROPPED_OVERFLOW);
        var limitless = new OutboundFlow(4, 1_000, new PersistentJournal("c", storage));
        limitless.restoreQueued(new StoredQueue("c", storage, new SharedRows(), PAGE, 100));
        var kept = PersistedMessage.store(new StoredMessage(102, "t", Qos.AT_LEAST_ONCE, utf8("m102")), 1,
                storage.messages());
        limitless.deliver(new Delivery("t", utf8("m102"), Qos.AT_LEAST_ONCE, false, 102, kept), null);

        int maxHeld = 0;
        limitless.resume(sink);
        while (limitless.inflightCount() > 0) {
            maxHeld = Math.max(maxHeld, limitless.heldInMemory());
            limitless.onPuback(sent.get(sent.size() - limitless.inflightCount()).packetId(), sink);
        }

        assertThat(sent).extracting(p -> new String(p.payload(), StandardCharsets.UTF_8)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 102).filter(i -> i != 101).mapToObj(i -> "m" + i).toList());
        assertThat(maxHeld).isLessThanOrEqualTo(PAGE + 1);
        assertThat(limitless.queuedCount()).isZero();
        List<QueuedMessage> left = new ArrayList<>();
        storage.queues().forEach(left::add);
        assertThat(left).isEmpty();
    }

    @Test
    void next_rowWhoseMessageIsGone_skippedAndRemoved() {
        storeQueue("c", 3);
        storage.messages().remove(2);

        OutboundFlow flow = restoredFlow("c", 3);

        assertThat(flow.queuedCount()).isEqualTo(2);
        flow.resume(sink);
        assertThat(sent).extracting(p -> new String(p.payload(), StandardCharsets.UTF_8)).containsExactly("m1", "m3");
    }

    @Test
    void abandon_rowsStillOnDisk_releaseSharedRowsRight() {
        storeQueue("a", 40);
        for (int i = 1; i <= 40; i++) {
            storage.queues().add(new QueuedMessage("b", i, i, Qos.AT_LEAST_ONCE, false));
        }
        IntStream.rangeClosed(1, 40).forEach(id -> sharedRows.register(id, 2));
        OutboundFlow a = restoredFlow("a", 40);
        OutboundFlow b = restoredFlow("b", 40);

        a.abandon();
        List<Long> ids = new ArrayList<>();
        storage.messages().forEach(m -> ids.add(m.id()));
        assertThat(ids).hasSize(40); // b still holds every message
        b.abandon();

        ids.clear();
        storage.messages().forEach(m -> ids.add(m.id()));
        assertThat(ids).isEmpty();
        assertThat(sharedRows.size()).isZero();
    }

    @Test
    void messageReferences_countsHoldersAndSharedIds() {
        var references = new MessageReferences();
        for (long id : new long[] {5, 3, 5, 9, 5, 3}) {
            references.add(id);
        }
        references.sort();
        List<String> shared = new ArrayList<>();

        references.forEachShared((id, holders) -> shared.add(id + "x" + holders));

        assertThat(references.count(5)).isEqualTo(3);
        assertThat(references.count(9)).isEqualTo(1);
        assertThat(references.count(4)).isZero();
        assertThat(shared).containsExactly("3x2", "5x3");
    }

}
