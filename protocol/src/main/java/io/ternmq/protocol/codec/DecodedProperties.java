package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.PropertyId;
import io.ternmq.protocol.PropertyScope;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.Topics;
import io.ternmq.protocol.UserProperty;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The properties of one packet as read from the wire (2.2.2), before they become a typed record: single
 * values by property identifier, user properties and subscription identifiers in the order received.
 * Reading checks everything that does not depend on the packet: identifiers, scope, repetition, value ranges.
 */
final class DecodedProperties {

    private final @Nullable Object[] values = new Object[0x2B];
    private final List<UserProperty> userProperties = new ArrayList<>();
    private final List<Integer> subscriptionIdentifiers = new ArrayList<>(1);

    private DecodedProperties() {
    }

    /** Reads the property length and the properties; null when the property length is 0 (the common case). */
    static @Nullable DecodedProperties read(ByteBuf in, int end, PropertyScope scope) {
        int length = VariableByteInteger.read(in, end, scope + " property length");
        if (length == 0) {
            return null;
        }
        if (length > end - in.readerIndex()) {
            throw Malformed.packet(scope + " property length " + length + " exceeds the "
                    + (end - in.readerIndex()) + " bytes left in the packet");
        }
        int propertiesEnd = in.readerIndex() + length;
        DecodedProperties properties = new DecodedProperties();
        while (in.readerIndex() < propertiesEnd) {
            properties.readOne(in, propertiesEnd, scope);
        }
        return properties;
    }

    private void readOne(ByteBuf in, int end, PropertyScope scope) {
        int id = VariableByteInteger.read(in, end, "property identifier");
        PropertyId property = PropertyId.fromId(id);
        if (property == null) {
            throw Malformed.packet(scope + " has unknown property identifier " + id); // 2.2.2.2
        }
        if (!property.allowedIn(scope)) {
            // 2.2.2.2: an identifier not valid for the packet type makes it a Malformed Packet
            throw Malformed.packet(property + " is not allowed in " + scope);
        }
        if (!property.repeatable(scope) && values[id] != null) {
            // 2.2.2.2 and each property's definition: "a Protocol Error to include ... more than once"
            throw Malformed.protocol(property + " appears more than once in " + scope);
        }
        String field = property.toString();
        switch (property.type()) {
            case BYTE -> values[id] = checkByte(property, FieldReader.readUnsignedByte(in, end, field));
            case TWO_BYTE_INTEGER -> values[id] = checkNotZero(property,
                    FieldReader.readUnsignedShort(in, end, field));
            case FOUR_BYTE_INTEGER -> values[id] = checkFourByte(property, readFourByte(in, end, field));
            case VARIABLE_BYTE_INTEGER -> {
                int value = VariableByteInteger.read(in, end, field);
                if (value == 0) {
                    // 3.8.2.1.2: a subscription identifier of 0 is a Protocol Error
                    throw Malformed.protocol(property + " must not be 0");
                }
                subscriptionIdentifiers.add(value);
                values[id] = value;
            }
            // [MQTT-1.5.4-1] [MQTT-1.5.4-2]: FieldReader.readString rejects bad UTF-8 and U+0000
            case UTF8_STRING -> values[id] = checkString(property, FieldReader.readString(in, end, field));
            case UTF8_STRING_PAIR -> userProperties.add(new UserProperty( // [MQTT-1.5.7-1]
                    FieldReader.readString(in, end, "user property name"),
                    FieldReader.readString(in, end, "user property value")));
            case BINARY_DATA -> values[id] = FieldReader.readBinary(in, end, field);
        }
    }

    private static long readFourByte(ByteBuf in, int end, String field) {
        int high = FieldReader.readUnsignedShort(in, end, field);
        int low = FieldReader.readUnsignedShort(in, end, field);
        return ((long) high << 16) | low;
    }

    private static int checkByte(PropertyId property, int value) {
        // Every byte property is a 0/1 flag, except maximum QoS, which is 0 or 1 too (2 is expressed by absence);
        // any other value is a Protocol Error (3.1.2.11.6, 3.1.2.11.7, 3.2.2.3.4 ... 3.2.2.3.13, 3.3.2.3.2).
        if (value > 1) {
            throw Malformed.protocol(property + " must be 0 or 1, got " + value);
        }
        return value;
    }

    private static int checkNotZero(PropertyId property, int value) {
        if (value == 0 && property == PropertyId.TOPIC_ALIAS) {
            // [MQTT-3.3.2-8] 0 is never an alias: Topic Alias invalid, as for one above the maximum (3.3.2.3.4)
            throw new MalformedPacketException(ReasonCode.TOPIC_ALIAS_INVALID, "topic alias must not be 0");
        }
        if (value == 0 && property != PropertyId.TOPIC_ALIAS_MAXIMUM && property != PropertyId.SERVER_KEEP_ALIVE) {
            // receive maximum 0 (3.1.2.11.3, 3.2.2.3.3) is a Protocol Error
            throw Malformed.protocol(property + " must not be 0");
        }
        return value;
    }

    private static long checkFourByte(PropertyId property, long value) {
        if (value == 0 && property == PropertyId.MAXIMUM_PACKET_SIZE) {
            throw Malformed.protocol("maximum packet size must not be 0"); // 3.1.2.11.4, 3.2.2.3.6
        }
        return value;
    }

    private static String checkString(PropertyId property, String value) {
        if (property == PropertyId.RESPONSE_TOPIC && !Topics.isValidTopicName(value)) {
            // [MQTT-3.3.2-13] [MQTT-3.3.2-14]: a topic name, so no wildcards
            throw Malformed.protocol("response topic \"" + Malformed.shorten(value) + "\" is not a valid topic name");
        }
        return value;
    }

    @Nullable Integer integer(PropertyId property) {
        return (Integer) values[property.id()];
    }

    @Nullable Long fourByte(PropertyId property) {
        return (Long) values[property.id()];
    }

    @Nullable Boolean flag(PropertyId property) {
        Integer value = integer(property);
        return value == null ? null : value == 1;
    }

    @Nullable String string(PropertyId property) {
        return (String) values[property.id()];
    }

    byte @Nullable [] binary(PropertyId property) {
        return (byte[]) values[property.id()];
    }

    List<UserProperty> userProperties() {
        return userProperties;
    }

    List<Integer> subscriptionIdentifiers() {
        return subscriptionIdentifiers;
    }
}
