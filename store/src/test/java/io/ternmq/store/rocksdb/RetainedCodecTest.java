package io.ternmq.store.rocksdb;

import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.UserProperty;
import io.ternmq.store.RetainedMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetainedCodecTest {

    private static final byte[] KEY = "t".getBytes(StandardCharsets.UTF_8);

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    @Test
    void decode_valueWithoutTrailer_hasNoProperties() {
        RetainedMessage message = RetainedCodec.decode(KEY, hex("01 00000002 6869")); // QoS 1, payload "hi"
        assertThat(message.qos()).isEqualTo(Qos.AT_LEAST_ONCE);
        assertThat(message.payload()).containsExactly('h', 'i');
        assertThat(message.properties()).isEqualTo(PublishProperties.EMPTY);
    }

    @Test
    void value_withoutProperties_isTheVersion1Layout() {
        byte[] value = RetainedCodec.value(new RetainedMessage("t", new byte[] {7}, Qos.EXACTLY_ONCE));
        assertThat(value).containsExactly(hex("02 00000001 07"));
    }

    @Test
    void roundTrip_everyForwardedProperty_keptWithUserPropertyOrder() {
        // [MQTT-3.3.2-4] [MQTT-3.3.2-15] [MQTT-3.3.2-16] [MQTT-3.3.2-17] [MQTT-3.3.2-18] [MQTT-3.3.2-20]
        var properties = new PublishProperties(PayloadFormat.UTF8, 4_294_967_295L, null, "reply/to",
                new byte[] {0, 1, -1}, List.of(new UserProperty("b", "2"), new UserProperty("a", "1"),
                new UserProperty("b", "2")), List.of(), "text/plain");
        RetainedMessage decoded = RetainedCodec.decode(KEY, RetainedCodec.value(
                new RetainedMessage("t", new byte[] {1}, Qos.AT_MOST_ONCE, properties)));
        PublishProperties read = decoded.properties();
        assertThat(read.payloadFormatIndicator()).isEqualTo(PayloadFormat.UTF8);
        assertThat(read.messageExpiryInterval()).isEqualTo(4_294_967_295L);
        assertThat(read.responseTopic()).isEqualTo("reply/to");
        assertThat(read.correlationData()).containsExactly(0, 1, -1);
        assertThat(read.userProperties()).containsExactlyElementsOf(properties.userProperties());
        assertThat(read.contentType()).isEqualTo("text/plain");
        assertThat(read.topicAlias()).isNull();
        assertThat(read.subscriptionIdentifiers()).isEmpty();
    }

    @Test
    void value_onlyUserProperties_exactTrailer() {
        var properties = new PublishProperties(null, null, null, null, null, List.of(new UserProperty("k", "v")),
                List.of(), null);
        byte[] value = RetainedCodec.value(new RetainedMessage("t", new byte[] {9}, Qos.AT_MOST_ONCE, properties));
        assertThat(value).containsExactly(hex("00 00000001 09"
                + " 00"                          // no optional single properties
                + " 00000001 0001 6b 0001 76")); // one user property k=v
    }

    @Test
    void decode_truncatedTrailer_isCorrupt() {
        assertThatThrownBy(() -> RetainedCodec.decode(KEY, hex("00 00000001 09 04 0005 61")))
                .isInstanceOf(CorruptValueException.class);
    }
}
