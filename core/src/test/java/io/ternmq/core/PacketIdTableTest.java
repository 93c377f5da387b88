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
            var checked = new Checked(random);
            for (int step = 0; step < 20_000; step++) {
                int id = 1 + random.nextInt(PacketIdAllocator.MAX_ID);
                if (checked.size() < 7 && random.nextBoolean() && !checked.holds(id)) {
                    checked.add(id);
                } else {
                    checked.removeOne();
                }
                checked.matches("seed " + seed + " step " + step);
            }
            checked.inOrderMatches("seed " + seed);
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
            var checked = new Checked(random);
            PacketIdAllocator ids = new PacketIdAllocator();
            int window = 1 + random.nextInt(300);
            for (int step = 0; step < 20_000; step++) {
                if (checked.size() < window && random.nextInt(3) > 0) {
                    checked.add(ids.next(checked::holds));
                } else {
                    checked.removeOne();
                }
                checked.matches("seed " + seed + " step " + step);
            }
            checked.inOrderMatches("seed " + seed);
        }
    }

    /** The table beside a map that holds the same entries in the order added, compared after every step. */
    private static final class Checked {
        private final PacketIdTable<InflightMessage> table = new PacketIdTable<>();
        private final Map<Integer, InflightMessage> model = new LinkedHashMap<>();
        private final SplittableRandom random;

        Checked(SplittableRandom random) {
            this.random = random;
        }

        int size() {
            return model.size();
        }

        boolean holds(int packetId) {
            return model.containsKey(packetId);
        }

        void add(int packetId) {
            InflightMessage message = message(packetId);
            assertThat(table.putIfAbsent(packetId, message)).isTrue();
            model.put(packetId, message);
        }

        /** The oldest entry one time in four (acknowledged in order), else any. */
        void removeOne() {
            if (model.isEmpty()) {
                return;
            }
            List<Integer> held = new ArrayList<>(model.keySet());
            int packetId = random.nextInt(4) == 0 ? held.get(0) : held.get(random.nextInt(held.size()));
            assertThat(table.remove(packetId)).isSameAs(model.remove(packetId));
        }

        /** The sizes, every entry of a small table, a random held entry of a larger one, and a random id. */
        void matches(String where) {
            assertThat(table.size()).as(where).isEqualTo(model.size());
            List<Integer> held = new ArrayList<>(model.keySet());
            List<Integer> probed = held.size() <= 8
                    ? held : List.of(held.get(random.nextInt(held.size())));
            for (int packetId : probed) {
                assertThat(table.get(packetId)).as(where).isSameAs(model.get(packetId));
            }
            int any = 1 + random.nextInt(PacketIdAllocator.MAX_ID);
            assertThat(table.get(any)).as(where).isSameAs(model.get(any));
        }

        void inOrderMatches(String where) {
            assertThat(table.inOrder()).as(where).containsExactlyElementsOf(model.values());
        }
    }
}
