package io.ternmq.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SlowConsumerRulesTest {

    private final SlowConsumerRules rules = new SlowConsumerRules(SlowConsumerPolicy.DROP_OLDEST,
            Map.of("dashboards", SlowConsumerPolicy.DISCONNECT),
            List.of(new SlowConsumerRules.ClientPattern("sensor-*", SlowConsumerPolicy.DROP_NEWEST),
                    new SlowConsumerRules.ClientPattern("a.b?", SlowConsumerPolicy.DISCONNECT),
                    new SlowConsumerRules.ClientPattern("*", SlowConsumerPolicy.DROP_OLDEST)));

    @Test
    void policyFor_clientPattern_firstMatchWinsOverTheListener() {
        assertThat(rules.policyFor("dashboards", "sensor-17")).isEqualTo(SlowConsumerPolicy.DROP_NEWEST);
        assertThat(rules.policyFor("tcp", "a.bc")).isEqualTo(SlowConsumerPolicy.DISCONNECT);
        assertThat(rules.policyFor("dashboards", "other")).as("the catch-all pattern")
                .isEqualTo(SlowConsumerPolicy.DROP_OLDEST);
    }

    @Test
    void policyFor_patternCharacters_onlyStarAndQuestionMarkAreWild() {
        assertThat(rules.policyFor("tcp", "aXbc")).as("'.' is literal").isEqualTo(SlowConsumerPolicy.DROP_OLDEST);
        assertThat(rules.policyFor("tcp", "a.bcd")).as("'?' is one character")
                .isEqualTo(SlowConsumerPolicy.DROP_OLDEST);
    }

    @Test
    void policyFor_noClientPattern_listenerPolicyElseDefault() {
        var byListener = new SlowConsumerRules(SlowConsumerPolicy.DROP_NEWEST,
                Map.of("dashboards", SlowConsumerPolicy.DISCONNECT), List.of());

        assertThat(byListener.policyFor("dashboards", "x")).isEqualTo(SlowConsumerPolicy.DISCONNECT);
        assertThat(byListener.policyFor("tcp", "x")).isEqualTo(SlowConsumerPolicy.DROP_NEWEST);
    }

    @Test
    void channelHighWaterMark_aSixteenthOfTheClientBudgetWithinBounds() {
        assertThat(new MemoryLimits(1L << 30, 8L << 20, rules).channelHighWaterMark()).isEqualTo(64 << 10);
        assertThat(new MemoryLimits(1L << 30, 160 << 10, rules).channelHighWaterMark()).isEqualTo(10 << 10);
        assertThat(new MemoryLimits(1L << 30, 4 << 10, rules).channelHighWaterMark()).isEqualTo(2 << 10);
    }
}
