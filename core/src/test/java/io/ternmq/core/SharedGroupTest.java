package io.ternmq.core;

import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SharedGroupTest {

    private final SharedGroup<String> group = new SharedGroup<>(new SharedFilter("g", "a/#"));
    private final Map<String, MemberReadiness> readiness = new HashMap<>();

    private String pick() {
        SharedGroup.Member<String> member = group.pick(readiness::get);
        return member == null ? null : member.subscriber();
    }

    private void join(String subscriber, MemberReadiness state) {
        group.join(subscriber, SubscriptionOptions.of(Qos.AT_LEAST_ONCE));
        readiness.put(subscriber, state);
    }

    @Test
    void pick_allReady_roundRobinSplitsEvenly() {
        join("a", MemberReadiness.READY);
        join("b", MemberReadiness.READY);
        join("c", MemberReadiness.READY);
        Map<String, Integer> counts = new HashMap<>();

        for (int i = 0; i < 300; i++) {
            counts.merge(pick(), 1, Integer::sum);
        }

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("a", 100, "b", 100, "c", 100));
    }

    @Test
    void pick_someReady_onlyReadyMembersChosen() {
        join("busy", MemberReadiness.BUSY);
        join("ready1", MemberReadiness.READY);
        join("offline", MemberReadiness.OFFLINE);
        join("ready2", MemberReadiness.READY);
        List<String> picked = new ArrayList<>();

        for (int i = 0; i < 40; i++) {
            picked.add(pick());
        }

        assertThat(picked).containsOnly("ready1", "ready2");
    }

    @Test
    void pick_noneReady_busyBeforeOffline() {
        join("offline", MemberReadiness.OFFLINE);
        join("busy", MemberReadiness.BUSY);

        for (int i = 0; i < 5; i++) {
            assertThat(pick()).isEqualTo("busy");
        }
    }

    @Test
    void pick_allOffline_rotatesOverOfflineMembers() {
        join("x", MemberReadiness.OFFLINE);
        join("y", MemberReadiness.OFFLINE);
        List<String> picked = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            picked.add(pick());
        }

        assertThat(picked).containsOnly("x", "y").contains("x", "y");
    }

    @Test
    void pick_empty_null() {
        assertThat(pick()).isNull();
    }

    @Test
    void joinAndLeave_seededSequence_membershipFollowsModel() {
        Random random = new Random(4);
        List<String> model = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String subscriber = "s" + random.nextInt(8);
            if (random.nextBoolean()) {
                SubscriptionOptions replaced = group.join(subscriber, SubscriptionOptions.of(Qos.AT_MOST_ONCE));
                assertThat(replaced == null).isEqualTo(!model.contains(subscriber));
                if (replaced == null) {
                    model.add(subscriber);
                }
            } else {
                assertThat(group.leave(subscriber)).isEqualTo(model.remove(subscriber));
            }
            assertThat(group.size()).isEqualTo(model.size());
        }
    }

    @Test
    void join_existingMember_replacesItsOptions() {
        // [MQTT-4.8.2-3] the member's granted QoS is the one of its latest subscription
        group.join("a", SubscriptionOptions.of(Qos.AT_MOST_ONCE));
        assertThat(group.join("a", SubscriptionOptions.of(Qos.EXACTLY_ONCE)))
                .isEqualTo(SubscriptionOptions.of(Qos.AT_MOST_ONCE));
        readiness.put("a", MemberReadiness.READY);

        assertThat(group.pick(readiness::get).options().qos()).isEqualTo(Qos.EXACTLY_ONCE);
        assertThat(group.size()).isEqualTo(1);
    }
}
