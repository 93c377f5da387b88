package io.ternmq.testkit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PacketsTest {

    private static String hex(byte[] bytes) {
        return Hex.format(bytes);
    }

    @Test
    void connect_emptyIdCleanSession_matchesSpecBytes() {
        assertThat(hex(Packets.connect("", CleanSession.YES, 60))).isEqualTo(Hex.normalize(
                "10 0c"                 // CONNECT, remaining length 12
                        + " 00 04 4d 51 54 54" // "MQTT"
                        + " 04"            // level 4
                        + " 02"            // flags: clean session
                        + " 00 3c"         // keep-alive 60
                        + " 00 00"));      // client id ""
    }

    @Test
    void connect_persistentSessionWithId_hasNoCleanFlag() {
        assertThat(hex(Packets.connect("ab", CleanSession.NO, 1))).isEqualTo(Hex.normalize(
                "10 0e 00 04 4d 51 54 54 04"
                        + " 00"            // flags: nothing set
                        + " 00 01"         // keep-alive 1
                        + " 00 02 61 62")); // "ab"
    }

    @Test
    void connectWithWill_qos1Retained_setsWillFlagsAndPayloadOrder() {
        byte[] bytes = Packets.connectWithWill("c", CleanSession.YES, 10, "w", "x".getBytes(StandardCharsets.UTF_8),
                1, Retain.YES);
        assertThat(hex(bytes)).isEqualTo(Hex.normalize(
                "10 13 00 04 4d 51 54 54 04"
                        + " 2e"            // will retain 0x20 | will qos 1 0x08 | will flag 0x04 | clean 0x02
                        + " 00 0a"         // keep-alive 10
                        + " 00 01 63"      // client id "c"
                        + " 00 01 77"      // will topic "w"
                        + " 00 01 78"));   // will message "x"
    }

    @Test
    void connectBuilder_userAndPassword_appendsThemAfterClientId() {
        byte[] bytes = Packets.connectBuilder("c").username("u").password(new byte[] {1, 2}).build();
        assertThat(hex(bytes)).isEqualTo(Hex.normalize(
                "10 14 00 04 4d 51 54 54 04"
                        + " c2"            // user name 0x80 | password 0x40 | clean 0x02
                        + " 00 3c 00 01 63"
                        + " 00 01 75"      // user "u"
                        + " 00 02 01 02")); // password
    }

    @Test
    void connectBuilder_mqisdpLevel3AndReservedBit_encodesThemVerbatim() {
        byte[] bytes = Packets.connectBuilder("c").protocol("MQIsdp", 3).reservedFlagSet().build();
        assertThat(hex(bytes)).isEqualTo(Hex.normalize(
                "10 0f 00 06 4d 51 49 73 64 70 03 03 00 3c 00 01 63"));
    }

    @Test
    void connectBuilder_forcedFlags_overrideDerivedFlags() {
        byte[] bytes = Packets.connectBuilder("c").flags(0x40).build();
        assertThat(hex(bytes)).isEqualTo(Hex.normalize("10 0d 00 04 4d 51 54 54 04 40 00 3c 00 01 63"));
    }

    @Test
    void publish_qos0_hasNoPacketId() {
        assertThat(hex(Packets.publish("a/b", "hi"))).isEqualTo(Hex.normalize(
                "30 07 00 03 61 2f 62 68 69"));
    }

    @Test
    void publish_qos1RetainDup_setsFlagsAndPacketId() {
        assertThat(hex(Packets.publish("a", 1, Retain.YES, Dup.YES, 0x0102, "z"))).isEqualTo(Hex.normalize(
                "3b 06 00 01 61 01 02 7a"));
    }

    @Test
    void publish_qos2_setsQosBits() {
        assertThat(hex(Packets.publish("a", 2, Retain.NO, Dup.NO, 7, new byte[0]))).isEqualTo(Hex.normalize(
                "34 05 00 01 61 00 07"));
    }

    @Test
    void publish_qos3_isEncodedForMalformedTests() {
        assertThat(hex(Packets.publish("a", 3, Retain.NO, Dup.NO, 1, new byte[0]))).isEqualTo(Hex.normalize(
                "36 05 00 01 61 00 01"));
    }

    @Test
    void publish_200BytePayload_usesTwoByteRemainingLength() {
        byte[] bytes = Packets.publish("a", 0, Retain.NO, Dup.NO, 0, new byte[200]);
        assertThat(hex(java.util.Arrays.copyOf(bytes, 5))).isEqualTo("30 cb 01 00 01");
        assertThat(bytes).hasSize(3 + 203);
    }

    @Test
    void remainingLength_boundaries_matchSpecTable() {
        assertThat(hex(Packets.remainingLength(0))).isEqualTo("00");
        assertThat(hex(Packets.remainingLength(127))).isEqualTo("7f");
        assertThat(hex(Packets.remainingLength(128))).isEqualTo("80 01");
        assertThat(hex(Packets.remainingLength(16_383))).isEqualTo("ff 7f");
        assertThat(hex(Packets.remainingLength(16_384))).isEqualTo("80 80 01");
        assertThat(hex(Packets.remainingLength(2_097_151))).isEqualTo("ff ff 7f");
        assertThat(hex(Packets.remainingLength(2_097_152))).isEqualTo("80 80 80 01");
        assertThat(hex(Packets.remainingLength(268_435_455))).isEqualTo("ff ff ff 7f");
    }

    @Test
    void subscribe_twoFilters_packsFilterQosPairs() {
        assertThat(hex(Packets.subscribe(10, new Subscription("a", 0), new Subscription("b/#", 2))))
                .isEqualTo(Hex.normalize("82 0c 00 0a 00 01 61 00 00 03 62 2f 23 02"));
    }

    @Test
    void subscribe_single_matchesMultiFormOfOne() {
        assertThat(Packets.subscribe(1, "a", 1)).isEqualTo(Packets.subscribe(1, new Subscription("a", 1)));
        assertThat(hex(Packets.subscribe(1, "a", 1))).isEqualTo("82 06 00 01 00 01 61 01");
    }

    @Test
    void unsubscribe_twoFilters_packsStrings() {
        assertThat(hex(Packets.unsubscribe(0x1234, "a", "+"))).isEqualTo(Hex.normalize(
                "a2 08 12 34 00 01 61 00 01 2b"));
    }

    @Test
    void acknowledgements_fixedHeadersAndIds_matchSpec() {
        assertThat(hex(Packets.puback(0x0a0b))).isEqualTo("40 02 0a 0b");
        assertThat(hex(Packets.pubrec(1))).isEqualTo("50 02 00 01");
        assertThat(hex(Packets.pubrel(2))).isEqualTo("62 02 00 02");
        assertThat(hex(Packets.pubcomp(65_535))).isEqualTo("70 02 ff ff");
        assertThat(hex(Packets.unsuback(3))).isEqualTo("b0 02 00 03");
    }

    @Test
    void emptyPackets_areTwoBytes() {
        assertThat(hex(Packets.pingreq())).isEqualTo("c0 00");
        assertThat(hex(Packets.pingresp())).isEqualTo("d0 00");
        assertThat(hex(Packets.disconnect())).isEqualTo("e0 00");
    }

    @Test
    void connack_sessionPresentAndCode_matchSpec() {
        assertThat(hex(Packets.connack(SessionPresent.NO, 0))).isEqualTo("20 02 00 00");
        assertThat(hex(Packets.connack(SessionPresent.YES, 0))).isEqualTo("20 02 01 00");
        assertThat(hex(Packets.connack(SessionPresent.NO, 5))).isEqualTo("20 02 00 05");
    }

    @Test
    void suback_codes_followPacketId() {
        assertThat(hex(Packets.suback(9, 0, 1, 2, 0x80))).isEqualTo("90 06 00 09 00 01 02 80");
    }

    @Test
    void string_nonAscii_isLengthPrefixedUtf8() {
        assertThat(hex(Packets.string("é"))).isEqualTo("00 02 c3 a9");
    }

    @Test
    void publishRawTopic_illFormedUtf8_isSentVerbatim() {
        byte[] bytes = Packets.publishRawTopic(new byte[] {(byte) 0xC0, (byte) 0xAF}, 0, Retain.NO, Dup.NO, 0,
                new byte[0]);
        assertThat(hex(bytes)).isEqualTo("30 04 00 02 c0 af");
    }
}
