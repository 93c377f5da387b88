package io.ternmq.protocol;

import static io.ternmq.protocol.PropertyScope.AUTH;
import static io.ternmq.protocol.PropertyScope.CONNACK;
import static io.ternmq.protocol.PropertyScope.CONNECT;
import static io.ternmq.protocol.PropertyScope.DISCONNECT;
import static io.ternmq.protocol.PropertyScope.PUBACK;
import static io.ternmq.protocol.PropertyScope.PUBCOMP;
import static io.ternmq.protocol.PropertyScope.PUBLISH;
import static io.ternmq.protocol.PropertyScope.PUBREC;
import static io.ternmq.protocol.PropertyScope.PUBREL;
import static io.ternmq.protocol.PropertyScope.SUBACK;
import static io.ternmq.protocol.PropertyScope.SUBSCRIBE;
import static io.ternmq.protocol.PropertyScope.UNSUBACK;
import static io.ternmq.protocol.PropertyScope.UNSUBSCRIBE;
import static io.ternmq.protocol.PropertyScope.WILL;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every MQTT 5 property (table of section 2.2.2.2): its identifier, its data type and where it may appear.
 * Only the user property and the subscription identifier (in PUBLISH) may appear more than once.
 */
public enum PropertyId {
    PAYLOAD_FORMAT_INDICATOR(0x01, PropertyType.BYTE, PUBLISH, WILL),
    MESSAGE_EXPIRY_INTERVAL(0x02, PropertyType.FOUR_BYTE_INTEGER, PUBLISH, WILL),
    CONTENT_TYPE(0x03, PropertyType.UTF8_STRING, PUBLISH, WILL),
    RESPONSE_TOPIC(0x08, PropertyType.UTF8_STRING, PUBLISH, WILL),
    CORRELATION_DATA(0x09, PropertyType.BINARY_DATA, PUBLISH, WILL),
    SUBSCRIPTION_IDENTIFIER(0x0B, PropertyType.VARIABLE_BYTE_INTEGER, PUBLISH, SUBSCRIBE),
    SESSION_EXPIRY_INTERVAL(0x11, PropertyType.FOUR_BYTE_INTEGER, CONNECT, CONNACK, DISCONNECT),
    ASSIGNED_CLIENT_IDENTIFIER(0x12, PropertyType.UTF8_STRING, CONNACK),
    SERVER_KEEP_ALIVE(0x13, PropertyType.TWO_BYTE_INTEGER, CONNACK),
    AUTHENTICATION_METHOD(0x15, PropertyType.UTF8_STRING, CONNECT, CONNACK, AUTH),
    AUTHENTICATION_DATA(0x16, PropertyType.BINARY_DATA, CONNECT, CONNACK, AUTH),
    REQUEST_PROBLEM_INFORMATION(0x17, PropertyType.BYTE, CONNECT),
    WILL_DELAY_INTERVAL(0x18, PropertyType.FOUR_BYTE_INTEGER, WILL),
    REQUEST_RESPONSE_INFORMATION(0x19, PropertyType.BYTE, CONNECT),
    RESPONSE_INFORMATION(0x1A, PropertyType.UTF8_STRING, CONNACK),
    SERVER_REFERENCE(0x1C, PropertyType.UTF8_STRING, CONNACK, DISCONNECT),
    REASON_STRING(0x1F, PropertyType.UTF8_STRING, CONNACK, PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK,
            DISCONNECT, AUTH),
    RECEIVE_MAXIMUM(0x21, PropertyType.TWO_BYTE_INTEGER, CONNECT, CONNACK),
    TOPIC_ALIAS_MAXIMUM(0x22, PropertyType.TWO_BYTE_INTEGER, CONNECT, CONNACK),
    TOPIC_ALIAS(0x23, PropertyType.TWO_BYTE_INTEGER, PUBLISH),
    MAXIMUM_QOS(0x24, PropertyType.BYTE, CONNACK),
    RETAIN_AVAILABLE(0x25, PropertyType.BYTE, CONNACK),
    USER_PROPERTY(0x26, PropertyType.UTF8_STRING_PAIR, PropertyScope.values()),
    MAXIMUM_PACKET_SIZE(0x27, PropertyType.FOUR_BYTE_INTEGER, CONNECT, CONNACK),
    WILDCARD_SUBSCRIPTION_AVAILABLE(0x28, PropertyType.BYTE, CONNACK),
    SUBSCRIPTION_IDENTIFIER_AVAILABLE(0x29, PropertyType.BYTE, CONNACK),
    SHARED_SUBSCRIPTION_AVAILABLE(0x2A, PropertyType.BYTE, CONNACK);

    private static final @Nullable PropertyId[] BY_ID = new PropertyId[0x2B];

    static {
        for (PropertyId p : values()) {
            BY_ID[p.id] = p;
        }
    }

    private final int id;
    private final PropertyType type;
    private final Set<PropertyScope> scopes;

    PropertyId(int id, PropertyType type, PropertyScope... scopes) {
        this.id = id;
        this.type = type;
        this.scopes = EnumSet.of(scopes[0], scopes);
    }

    public int id() {
        return id;
    }

    public PropertyType type() {
        return type;
    }

    public boolean allowedIn(PropertyScope scope) {
        return scopes.contains(scope);
    }

    /** True for the properties a packet may carry several times. */
    public boolean repeatable(PropertyScope scope) {
        return this == USER_PROPERTY || (this == SUBSCRIPTION_IDENTIFIER && scope == PropertyScope.PUBLISH);
    }

    /** The property with this identifier, or null when the identifier is not defined. */
    public static @Nullable PropertyId fromId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
