package io.ternmq.core;

import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacketIdTableTest {

    private final PacketIdTable<InflightMessage> inflight = new PacketIdTable<>();

    private static InflightMessage message(int packetId) {
        var delivery = new Delivery("t", new byte[0], Qos.AT_LEAST_ONCE, false);
        return new InflightMessage(delivery.firstAttempt(packetId), delivery);
    }

    private static boolean add(PacketIdTable<InflightMessage> table, int packetId) {
        return table.putIfAbsent(packetId, message(packetId));
    }

    @Test
    void empty_findsNothing() {
        assertThat(inflight.size()).isZero();
        assertThat(inflight.contains(1)).isFalse();
        assertThat(inflight.get(1)).isNull();
        assertThat(inflight.remove(1)).isNull();
        assertThat(inflight.inOrder()).isEmpty();
    }

    @Test
    void putIfAbsent_thenGetAndRemove_byPacketId() {
        InflightMessage first = message(7);
        InflightMessage second = message(65_535);
        inflight.putIfAbsent(7, first);
        inflight.putIfAbsent(65_535, second);

        assertThat(inflight.get(7)).isSameAs(first);
        assertThat(inflight.get(65_535)).isSameAs(second);
        assertThat(inflight.contains(8)).isFalse();
        assertThat(inflight.remove(7)).isSameAs(first);
        assertThat(inflight.contains(7)).isFalse();
        assertThat(inflight.size()).isEqualTo(1);
    }

    @Test
    void putIfAbsent_idAlreadyInTheTable_keepsTheFirst() {
        // [MQTT-2.3.1-2] an id stays taken until its flow completes; [MQTT-4.3.3-2] a QoS 2 resend is not new
        InflightMessage first = message(3);
        inflight.putIfAbsent(3, first);

        assertThat(add(inflight, 3)).isFalse();
        assertThat(inflight.get(3)).isSameAs(first);
        assertThat(inflight.size()).isEqualTo(1);
    }

    @Test
    void putIfAbsent_idZero_isRefused() {
        // [MQTT-2.3.1-1] 0 is never a packet identifier
        assertThatThrownBy(() -> add(inflight, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomIdsInASmallTable_matchAnInsertionOrderedMap() {
        // at most 7 messages stay in the first table of 16 slots: any ids, so runs collide and wrap around its end,
        // and removing from them must leave every entry reachable
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            PacketIdTable<InflightMessage> table = new PacketIdTable<>();
            Map<Integer, InflightMessage> model = new LinkedHashMap<>();
            for (int step = 0; step < 20_000; step++) {
                int id = 1 + random.nextInt(PacketIdAllocator.MAX_ID);
                if (model.size() < 7 && random.nextBoolean() && !model.containsKey(id)) {
                    InflightMessage message = message(id);
                    table.putIfAbsent(message.publish().packetId(), message);
                    model.put(id, message);
                } else if (!model.isEmpty()) {
                    List<Integer> inFlight = new ArrayList<>(model.keySet());
                    int gone = inFlight.get(random.nextInt(inFlight.size()));
                    assertThat(table.remove(gone)).as("seed %d step %d", seed, step).isSameAs(model.remove(gone));
                }
                for (int inFlight : model.keySet()) {
                    assertThat(table.get(inFlight)).as("seed %d step %d", seed, step).isSameAs(model.get(inFlight));
                }
            }
            assertThat(table.inOrder()).as("seed %d", seed).containsExactlyElementsOf(model.values());
        }
    }

    @Test
    void inOrder_isTheOrderAdded_notTheIdOrder() {
        // [MQTT-4.6.0-1] resent in the order first sent, which after a wrap-around is not the order of the ids
        for (int id : new int[] {65_534, 65_535, 1, 2}) {
            add(inflight, id);
        }

        assertThat(inflight.inOrder()).extracting(m -> m.publish().packetId()).containsExactly(65_534, 65_535, 1, 2);
    }

    @Test
    void clear_emptiesAndStaysUsable() {
        for (int id = 1; id <= 40; id++) {
            add(inflight, id);
        }

        inflight.clear();

        assertThat(inflight.size()).isZero();
        assertThat(inflight.contains(5)).isFalse();
        add(inflight, 5);
        assertThat(inflight.inOrder()).extracting(m -> m.publish().packetId()).containsExactly(5);
    }

    @Test
    void randomAddsAndRemoves_matchAnInsertionOrderedMap() {
        // ids handed out as PacketIdAllocator does (in turn, wrapping, skipping those in flight), windows of up to
        // 300 grown and emptied, acknowledgements in random order
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            PacketIdTable<InflightMessage> table = new PacketIdTable<>();
            Map<Integer, InflightMessage> model = new LinkedHashMap<>();
            PacketIdAllocator ids = new PacketIdAllocator();
            int window = 1 + random.nextInt(300);
            for (int step = 0; step < 20_000; step++) {
                if (model.size() < window && random.nextInt(3) > 0) {
                    InflightMessage message = message(ids.next(model::containsKey));
                    table.putIfAbsent(message.publish().packetId(), message);
                    model.put(message.publish().packetId(), message);
                } else if (!model.isEmpty()) {
                    List<Integer> inFlight = new ArrayList<>(model.keySet());
                    int id = random.nextInt(4) == 0 ? inFlight.get(0) : inFlight.get(random.nextInt(inFlight.size()));
                    assertThat(table.remove(id)).as("seed %d step %d", seed, step).isSameAs(model.remove(id));
                }
                int probe = 1 + random.nextInt(PacketIdAllocator.MAX_ID);
                assertThat(table.get(probe)).as("seed %d step %d", seed, step).isSameAs(model.get(probe));
                assertThat(table.size()).isEqualTo(model.size());
            }
            assertThat(table.inOrder()).as("seed %d", seed).containsExactlyElementsOf(model.values());
        }
    }
}
