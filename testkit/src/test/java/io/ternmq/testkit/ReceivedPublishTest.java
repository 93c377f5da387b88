package io.ternmq.testkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceivedPublishTest {

    @Test
    void parse_qos1DupRetain_readsEveryField() {
        ReceivedPublish p = ReceivedPublish.parse(Hex.parse("3b 06 00 01 61 01 02 7a"));
        assertThat(p.topic()).isEqualTo("a");
        assertThat(p.qos()).isEqualTo(1);
        assertThat(p.dup()).isEqualTo(Dup.YES);
        assertThat(p.retain()).isEqualTo(Retain.YES);
        assertThat(p.packetId()).isEqualTo(0x0102);
        assertThat(p.payloadText()).isEqualTo("z");
    }

    @Test
    void parse_qos0_hasNoPacketId() {
        ReceivedPublish p = ReceivedPublish.parse(Hex.parse("30 07 00 03 61 2f 62 68 69"));
        assertThat(p.packetId()).isZero();
        assertThat(p.payloadText()).isEqualTo("hi");
        assertThat(p.dup()).isEqualTo(Dup.NO);
    }

    @Test
    void parse_twoByteRemainingLength_findsTopic() {
        byte[] packet = Packets.publish("t", 2, Retain.NO, Dup.NO, 5, new byte[300]);
        ReceivedPublish p = ReceivedPublish.parse(packet);
        assertThat(p.topic()).isEqualTo("t");
        assertThat(p.packetId()).isEqualTo(5);
        assertThat(p.payload()).hasSize(300);
    }

    @Test
    void parse_notPublish_fails() {
        assertThatThrownBy(() -> ReceivedPublish.parse(Hex.parse("d0 00"))).isInstanceOf(AssertionError.class);
    }
}
