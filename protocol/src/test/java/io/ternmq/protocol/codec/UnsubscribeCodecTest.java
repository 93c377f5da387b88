package io.ternmq.protocol.codec;

import static io.ternmq.protocol.codec.Codec.decode;
import static io.ternmq.protocol.codec.Codec.decodeError;
import static io.ternmq.protocol.codec.Codec.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.Unsubscribe;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnsubscribeCodecTest {

    private static final byte[] TWO_FILTERS = Hex.bytes("""
            a2                  // UNSUBSCRIBE, flags 0010 [MQTT-3.10.1-1]
            0b                  // remaining length 11
            00 05               // packet identifier 5
            00 03 61 2f 2b      // topic filter "a/+"
            00 02 2f 23         // topic filter "/#"
            """);

    private static final Unsubscribe TWO_FILTERS_PACKET = new Unsubscribe(5, List.of("a/+", "/#"));

    @Test
    void decode_twoFilters_keepsTheirOrder() {
        // [MQTT-3.10.3-1] filters packed back to back
        Codec.assertSamePacket(decode(TWO_FILTERS), TWO_FILTERS_PACKET);
    }

    @Test
    void encode_twoFilters_writesTheLiteral() {
        assertThat(encode(TWO_FILTERS_PACKET)).isEqualTo(TWO_FILTERS);
    }

    @Test
    void decode_flags0000_isMalformed() {
        // [MQTT-3.10.1-1] [MQTT-2.2.2-2]
        byte[] bytes = TWO_FILTERS.clone();
        bytes[0] = (byte) 0xa0;
        assertThat(decodeError(bytes)).hasMessageContaining("UNSUBSCRIBE fixed header flags must be 0010, got 0000");
    }

    @Test
    void decode_noFilter_isProtocolError() {
        // [MQTT-3.10.3-2]
        MalformedPacketException e = decodeError(Hex.bytes("a2 02  00 01  // packet identifier 1, no payload"));
        assertThat(e).hasMessageContaining("UNSUBSCRIBE has no topic filter");
        assertThat(e.reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR);
    }

    @Test
    void decode_invalidFilter_isMalformed() {
        // [MQTT-4.7.1-2]
        assertThat(decodeError(Hex.bytes("a2 06  00 01  00 02 23 23  // filter \"##\"")))
                .hasMessageContaining("UNSUBSCRIBE topic filter \"##\" is invalid");
    }

    @Test
    void decode_truncatedFilter_isMalformed() {
        assertThat(decodeError(Hex.bytes("a2 05  00 01  00 02 61  // filter of 2 bytes, 1 present")))
                .hasMessageContaining("topic filter needs 2 bytes but the packet has 1 left");
    }

    @Test
    void decode_packetId0_isMalformed() {
        // [MQTT-2.3.1-1]
        assertThat(decodeError(Hex.bytes("a2 05  00 00  00 01 61")))
                .hasMessageContaining("UNSUBSCRIBE packet identifier must not be 0");
    }
}
