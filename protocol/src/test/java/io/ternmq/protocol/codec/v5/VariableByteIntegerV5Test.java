package io.ternmq.protocol.codec.v5;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.ReasonCode;
import org.junit.jupiter.api.Test;

class VariableByteIntegerV5Test {

    @Test
    void decode_remainingLengthNotShortest_malformedIn5() {
        // [MQTT-1.5.5-1] zero written in two bytes
        V5.assertRejected(V5.bytes("C0 80 00 // PINGREQ, remaining length 0 as two bytes"),
                ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void decode_remainingLengthNotShortest_stillAcceptedIn311() {
        // 3.1.1 has no shortest-encoding rule: its clients are decoded as before
        ByteBuf in = Unpooled.wrappedBuffer(V5.bytes("C0 80 00"));
        try {
            assertThat(V5.DECODER.decode(in, ProtocolVersion.MQTT_3_1_1)).isInstanceOf(Pingreq.class);
        } finally {
            in.release();
        }
    }

    @Test
    void decode_propertyLengthNotShortest_malformed() {
        // [MQTT-1.5.5-1] a property length of 0 written as 80 00
        V5.assertRejected(V5.bytes("""
                30 07          // PUBLISH QoS 0, remaining length 7
                00 01 74       // topic "t"
                80 00          // property length 0, not in its shortest encoding
                78 79          // payload
                """), ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void decode_subscriptionIdentifierNotShortest_malformed() {
        // [MQTT-1.5.5-1] subscription identifier 1 written as 81 00
        V5.assertRejected(V5.bytes("""
                82 0A          // SUBSCRIBE, remaining length 10
                00 01          // packet id 1
                03             // property length 3
                0B 81 00       // subscription identifier 1 in two bytes
                00 01 61 00    // filter "a", QoS 0
                """), ReasonCode.MALFORMED_PACKET);
    }
}
