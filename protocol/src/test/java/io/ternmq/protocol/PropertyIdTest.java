package io.ternmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The property table of MQTT 5.0 section 2.2.2.2, checked row by row. */
class PropertyIdTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0x01 | BYTE                  | PUBLISH WILL
            0x02 | FOUR_BYTE_INTEGER     | PUBLISH WILL
            0x03 | UTF8_STRING           | PUBLISH WILL
            0x08 | UTF8_STRING           | PUBLISH WILL
            0x09 | BINARY_DATA           | PUBLISH WILL
            0x0B | VARIABLE_BYTE_INTEGER | PUBLISH SUBSCRIBE
            0x11 | FOUR_BYTE_INTEGER     | CONNECT CONNACK DISCONNECT
            0x12 | UTF8_STRING           | CONNACK
            0x13 | TWO_BYTE_INTEGER      | CONNACK
            0x15 | UTF8_STRING           | CONNECT CONNACK AUTH
            0x16 | BINARY_DATA           | CONNECT CONNACK AUTH
            0x17 | BYTE                  | CONNECT
            0x18 | FOUR_BYTE_INTEGER     | WILL
            0x19 | BYTE                  | CONNECT
            0x1A | UTF8_STRING           | CONNACK
            0x1C | UTF8_STRING           | CONNACK DISCONNECT
            0x1F | UTF8_STRING           | CONNACK PUBACK PUBREC PUBREL PUBCOMP SUBACK UNSUBACK DISCONNECT AUTH
            0x21 | TWO_BYTE_INTEGER      | CONNECT CONNACK
            0x22 | TWO_BYTE_INTEGER      | CONNECT CONNACK
            0x23 | TWO_BYTE_INTEGER      | PUBLISH
            0x24 | BYTE                  | CONNACK
            0x25 | BYTE                  | CONNACK
            0x27 | FOUR_BYTE_INTEGER     | CONNECT CONNACK
            0x28 | BYTE                  | CONNACK
            0x29 | BYTE                  | CONNACK
            0x2A | BYTE                  | CONNACK
            """)
    void propertyId_eachRowOfTheTable_hasItsTypeAndPackets(String id, PropertyType type, String scopes) {
        PropertyId property = PropertyId.fromId(Integer.decode(id));
        Set<PropertyScope> expected = Arrays.stream(scopes.split(" ")).map(PropertyScope::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PropertyScope.class)));

        assertThat(property).isNotNull();
        assertThat(property.type()).isEqualTo(type);
        assertThat(EnumSet.allOf(PropertyScope.class).stream().filter(property::allowedIn))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void propertyId_userProperty_isAllowedEverywhereAndRepeatable() {
        for (PropertyScope scope : PropertyScope.values()) {
            assertThat(PropertyId.USER_PROPERTY.allowedIn(scope)).isTrue();
            assertThat(PropertyId.USER_PROPERTY.repeatable(scope)).isTrue();
        }
        assertThat(PropertyId.USER_PROPERTY.type()).isEqualTo(PropertyType.UTF8_STRING_PAIR);
    }

    @Test
    void propertyId_subscriptionIdentifier_repeatsInPublishOnly() {
        assertThat(PropertyId.SUBSCRIPTION_IDENTIFIER.repeatable(PropertyScope.PUBLISH)).isTrue();
        assertThat(PropertyId.SUBSCRIPTION_IDENTIFIER.repeatable(PropertyScope.SUBSCRIBE)).isFalse();
        assertThat(PropertyId.TOPIC_ALIAS.repeatable(PropertyScope.PUBLISH)).isFalse();
    }

    @Test
    void propertyId_undefinedIdentifiers_areNull() {
        assertThat(PropertyId.values()).hasSize(27);
        assertThat(PropertyId.fromId(0)).isNull();
        assertThat(PropertyId.fromId(0x04)).isNull();
        assertThat(PropertyId.fromId(0x2B)).isNull();
        assertThat(PropertyId.fromId(-1)).isNull();
    }

    @Test
    void reasonCodes_perPacket_followTheSpecTables() {
        assertThat(ReasonCodes.allowedIn(PacketType.PUBACK, 0x10)).isTrue();
        assertThat(ReasonCodes.allowedIn(PacketType.PUBREL, 0x10)).isFalse();
        assertThat(ReasonCodes.allowedIn(PacketType.AUTH, 0x18)).isTrue();
        assertThat(ReasonCodes.allowedIn(PacketType.CONNACK, 0x8B)).isFalse();
        assertThat(ReasonCodes.allowedIn(PacketType.DISCONNECT, 0x8B)).isTrue();
        assertThat(ReasonCodes.allowedIn(PacketType.PINGREQ, 0x00)).isFalse();
        assertThat(ReasonCodes.allowedIn(PacketType.SUBACK, 256)).isFalse();
        assertThat(ReasonCode.fromValue(0x97)).isEqualTo(ReasonCode.QUOTA_EXCEEDED);
        assertThat(ReasonCode.fromValue(0x05)).isNull();
    }
}
