package io.ternmq.store.rocksdb;

import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.UserProperty;
import io.ternmq.store.StoredMessage;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MessageCodecTest {

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    @Test
    void decode_version1Value_hasNoProperties() {
        StoredMessage message = MessageCodec.decode(MessageCodec.key(7), hex("01 0001 74 00000001 78"));
        assertThat(message.id()).isEqualTo(7);
        assertThat(message.topic()).isEqualTo("t");
        assertThat(message.properties()).isEqualTo(PublishProperties.EMPTY);
    }

    @Test
    void roundTrip_withProperties_keptInOrder() {
        // [MQTT-3.3.2-17] [MQTT-3.3.2-18] user properties all kept, in order; the others as sent
        var properties = new PublishProperties(PayloadFormat.UNSPECIFIED_BYTES, 10L, null, "r", new byte[0],
                List.of(new UserProperty("x", "1"), new UserProperty("x", "1")), List.of(), "c");
        StoredMessage decoded = MessageCodec.decode(MessageCodec.key(1), MessageCodec.value(
                new StoredMessage(1, "t", Qos.EXACTLY_ONCE, new byte[] {5}, properties)));
        assertThat(decoded.properties().payloadFormatIndicator()).isEqualTo(PayloadFormat.UNSPECIFIED_BYTES);
        assertThat(decoded.properties().messageExpiryInterval()).isEqualTo(10L);
        assertThat(decoded.properties().responseTopic()).isEqualTo("r");
        assertThat(decoded.properties().correlationData()).isEmpty();
        assertThat(decoded.properties().userProperties()).containsExactlyElementsOf(properties.userProperties());
        assertThat(decoded.properties().contentType()).isEqualTo("c");
        assertThat(decoded.payload()).containsExactly(5);
    }
}
