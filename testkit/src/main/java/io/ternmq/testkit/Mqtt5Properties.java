package io.ternmq.testkit;

import java.io.ByteArrayOutputStream;

/**
 * The property block of an MQTT 5.0 packet (section 2.2.2), built in the order the test calls the methods: a
 * Variable Byte Integer length, then each property as its identifier followed by its value. Nothing is checked, so a
 * test can duplicate a property, put one into a packet that does not allow it or give it an out-of-range value.
 * {@link #build()} of an empty builder is the single byte 00 (no properties).
 */
public final class Mqtt5Properties {

    public static final int PAYLOAD_FORMAT_INDICATOR = 0x01;
    public static final int MESSAGE_EXPIRY_INTERVAL = 0x02;
    public static final int CONTENT_TYPE = 0x03;
    public static final int RESPONSE_TOPIC = 0x08;
    public static final int CORRELATION_DATA = 0x09;
    public static final int SUBSCRIPTION_IDENTIFIER = 0x0B;
    public static final int SESSION_EXPIRY_INTERVAL = 0x11;
    public static final int ASSIGNED_CLIENT_IDENTIFIER = 0x12;
    public static final int SERVER_KEEP_ALIVE = 0x13;
    public static final int AUTHENTICATION_METHOD = 0x15;
    public static final int AUTHENTICATION_DATA = 0x16;
    public static final int REQUEST_PROBLEM_INFORMATION = 0x17;
    public static final int WILL_DELAY_INTERVAL = 0x18;
    public static final int REQUEST_RESPONSE_INFORMATION = 0x19;
    public static final int RESPONSE_INFORMATION = 0x1A;
    public static final int SERVER_REFERENCE = 0x1C;
    public static final int REASON_STRING = 0x1F;
    public static final int RECEIVE_MAXIMUM = 0x21;
    public static final int TOPIC_ALIAS_MAXIMUM = 0x22;
    public static final int TOPIC_ALIAS = 0x23;
    public static final int MAXIMUM_QOS = 0x24;
    public static final int RETAIN_AVAILABLE = 0x25;
    public static final int USER_PROPERTY = 0x26;
    public static final int MAXIMUM_PACKET_SIZE = 0x27;
    public static final int WILDCARD_SUBSCRIPTION_AVAILABLE = 0x28;
    public static final int SUBSCRIPTION_IDENTIFIER_AVAILABLE = 0x29;
    public static final int SHARED_SUBSCRIPTION_AVAILABLE = 0x2A;

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public static Mqtt5Properties properties() {
        return new Mqtt5Properties();
    }

    /** No properties at all: the encoding is the single length byte 00. */
    public static byte[] none() {
        return new byte[] {0};
    }

    public Mqtt5Properties byteProperty(int id, int value) {
        return raw(id, new byte[] {(byte) value});
    }

    public Mqtt5Properties twoByteProperty(int id, int value) {
        return raw(id, Packets.uint16(value));
    }

    public Mqtt5Properties fourByteProperty(int id, long value) {
        return raw(id, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    public Mqtt5Properties varIntProperty(int id, int value) {
        return raw(id, Packets.remainingLength(value));
    }

    public Mqtt5Properties stringProperty(int id, String value) {
        return raw(id, Packets.string(value));
    }

    public Mqtt5Properties binaryProperty(int id, byte[] value) {
        return raw(id, Packets.lengthPrefixed(value));
    }

    /** The identifier byte followed by exactly these value bytes, e.g. a truncated or ill-formed value. */
    public Mqtt5Properties raw(int id, byte[] value) {
        body.write(id);
        body.writeBytes(value);
        return this;
    }

    public Mqtt5Properties payloadFormatIndicator(int value) {
        return byteProperty(PAYLOAD_FORMAT_INDICATOR, value);
    }

    public Mqtt5Properties messageExpiryInterval(long seconds) {
        return fourByteProperty(MESSAGE_EXPIRY_INTERVAL, seconds);
    }

    public Mqtt5Properties contentType(String value) {
        return stringProperty(CONTENT_TYPE, value);
    }

    public Mqtt5Properties responseTopic(String value) {
        return stringProperty(RESPONSE_TOPIC, value);
    }

    public Mqtt5Properties correlationData(byte[] value) {
        return binaryProperty(CORRELATION_DATA, value);
    }

    public Mqtt5Properties subscriptionIdentifier(int value) {
        return varIntProperty(SUBSCRIPTION_IDENTIFIER, value);
    }

    public Mqtt5Properties sessionExpiryInterval(long seconds) {
        return fourByteProperty(SESSION_EXPIRY_INTERVAL, seconds);
    }

    public Mqtt5Properties authenticationMethod(String value) {
        return stringProperty(AUTHENTICATION_METHOD, value);
    }

    public Mqtt5Properties authenticationData(byte[] value) {
        return binaryProperty(AUTHENTICATION_DATA, value);
    }

    public Mqtt5Properties requestProblemInformation(int value) {
        return byteProperty(REQUEST_PROBLEM_INFORMATION, value);
    }

    public Mqtt5Properties willDelayInterval(long seconds) {
        return fourByteProperty(WILL_DELAY_INTERVAL, seconds);
    }

    public Mqtt5Properties requestResponseInformation(int value) {
        return byteProperty(REQUEST_RESPONSE_INFORMATION, value);
    }

    public Mqtt5Properties reasonString(String value) {
        return stringProperty(REASON_STRING, value);
    }

    public Mqtt5Properties receiveMaximum(int value) {
        return twoByteProperty(RECEIVE_MAXIMUM, value);
    }

    public Mqtt5Properties topicAliasMaximum(int value) {
        return twoByteProperty(TOPIC_ALIAS_MAXIMUM, value);
    }

    public Mqtt5Properties topicAlias(int value) {
        return twoByteProperty(TOPIC_ALIAS, value);
    }

    public Mqtt5Properties maximumPacketSize(long value) {
        return fourByteProperty(MAXIMUM_PACKET_SIZE, value);
    }

    public Mqtt5Properties userProperty(String name, String value) {
        return raw(USER_PROPERTY, Hex.concat(Packets.string(name), Packets.string(value)));
    }

    /** The property bytes without the length prefix. */
    public byte[] body() {
        return body.toByteArray();
    }

    /** The Property Length (a Variable Byte Integer) followed by the properties. */
    public byte[] build() {
        byte[] bytes = body();
        return Hex.concat(Packets.remainingLength(bytes.length), bytes);
    }
}
