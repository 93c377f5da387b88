package io.ternmq.store;

import io.ternmq.protocol.Qos;
import io.ternmq.protocol.RetainHandling;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionOptionsTest {

    @Test
    void storedSession_defaultOptions_areNotSpelledOut() {
        var session = new StoredSession("c", Map.of("a", Qos.AT_LEAST_ONCE, "b", Qos.AT_MOST_ONCE), null, 10,
                Map.of("a", SubscriptionOptions.DEFAULT,
                        "b", new SubscriptionOptions(false, false, RetainHandling.SEND_ON_SUBSCRIBE, 3)));

        assertThat(session.options()).containsOnlyKeys("b");
        assertThat(session.optionsOf("a")).isEqualTo(SubscriptionOptions.DEFAULT);
        assertThat(session.optionsOf("b").subscriptionIdentifier()).isEqualTo(3);
    }

    @Test
    void storedSession_optionsOfAFilterNotSubscribed_refused() {
        assertThatThrownBy(() -> new StoredSession("c", Map.of(), null, 10, Map.of("a",
                new SubscriptionOptions(true, false, RetainHandling.SEND_ON_SUBSCRIBE, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedSession_expiryIntervalBeyondFourBytes_refused() {
        assertThatThrownBy(() -> new StoredSession("c", Map.of(), null, StoredSession.NEVER + 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedSession_3_1_1Constructor_neverExpires() {
        assertThat(new StoredSession("c", Map.of()).expiryInterval()).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void subscriptionIdentifier_beyondVariableByteInteger_refused() {
        assertThatThrownBy(() -> new SubscriptionOptions(false, false, RetainHandling.SEND_ON_SUBSCRIBE, 268_435_456))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
