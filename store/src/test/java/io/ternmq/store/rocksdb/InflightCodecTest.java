package io.ternmq.store.rocksdb;

import io.ternmq.protocol.Qos;
import io.ternmq.store.InflightEntry;
import io.ternmq.store.InflightStage;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InflightCodecTest {

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    @Test
    void value_isPacketIdMessageIdQosRetainStage() {
        var entry = new InflightEntry("c", 7, 0x1234, 5, Qos.EXACTLY_ONCE, true, InflightStage.PUBREL_SENT);

        assertThat(InflightCodec.value(entry)).containsExactly(hex("1234 0000000000000005 02 01 01"));
        assertThat(InflightCodec.decode(InflightCodec.key(entry), InflightCodec.value(entry))).isEqualTo(entry);
    }

    @Test
    void decode_packetIdZero_isCorrupt() {
        // [MQTT-2.3.1-1] 0 is never a packet identifier: such a row was not written by the broker
        var entry = new InflightEntry("c", 7, 1, 5, Qos.AT_LEAST_ONCE, false, InflightStage.PUBLISH_SENT);

        assertThatThrownBy(() -> InflightCodec.decode(InflightCodec.key(entry), hex("0000 0000000000000005 01 00 00")))
                .isInstanceOf(CorruptValueException.class)
                .hasMessageContaining("packet id 0");
    }
}
