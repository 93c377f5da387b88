package io.ternmq.protocol.codec;

import static io.ternmq.protocol.PropertyId.ASSIGNED_CLIENT_IDENTIFIER;
import static io.ternmq.protocol.PropertyId.AUTHENTICATION_DATA;
import static io.ternmq.protocol.PropertyId.AUTHENTICATION_METHOD;
import static io.ternmq.protocol.PropertyId.CONTENT_TYPE;
import static io.ternmq.protocol.PropertyId.CORRELATION_DATA;
import static io.ternmq.protocol.PropertyId.MAXIMUM_PACKET_SIZE;
import static io.ternmq.protocol.PropertyId.MAXIMUM_QOS;
import static io.ternmq.protocol.PropertyId.MESSAGE_EXPIRY_INTERVAL;
import static io.ternmq.protocol.PropertyId.PAYLOAD_FORMAT_INDICATOR;
import static io.ternmq.protocol.PropertyId.REASON_STRING;
import static io.ternmq.protocol.PropertyId.RECEIVE_MAXIMUM;
import static io.ternmq.protocol.PropertyId.REQUEST_PROBLEM_INFORMATION;
import static io.ternmq.protocol.PropertyId.REQUEST_RESPONSE_INFORMATION;
import static io.ternmq.protocol.PropertyId.RESPONSE_INFORMATION;
import static io.ternmq.protocol.PropertyId.RESPONSE_TOPIC;
import static io.ternmq.protocol.PropertyId.RETAIN_AVAILABLE;
import static io.ternmq.protocol.PropertyId.SERVER_KEEP_ALIVE;
import static io.ternmq.protocol.PropertyId.SERVER_REFERENCE;
import static io.ternmq.protocol.PropertyId.SESSION_EXPIRY_INTERVAL;
import static io.ternmq.protocol.PropertyId.SHARED_SUBSCRIPTION_AVAILABLE;
import static io.ternmq.protocol.PropertyId.SUBSCRIPTION_IDENTIFIER;
import static io.ternmq.protocol.PropertyId.SUBSCRIPTION_IDENTIFIER_AVAILABLE;
import static io.ternmq.protocol.PropertyId.TOPIC_ALIAS;
import static io.ternmq.protocol.PropertyId.TOPIC_ALIAS_MAXIMUM;
import static io.ternmq.protocol.PropertyId.WILDCARD_SUBSCRIPTION_AVAILABLE;
import static io.ternmq.protocol.PropertyId.WILL_DELAY_INTERVAL;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.AckProperties;
import io.ternmq.protocol.AuthProperties;
import io.ternmq.protocol.ConnackProperties;
import io.ternmq.protocol.ConnectProperties;
import io.ternmq.protocol.DisconnectProperties;
import io.ternmq.protocol.PacketProperties;
import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.PropertyId;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.SubscribeProperties;
import io.ternmq.protocol.UnsubscribeProperties;
import io.ternmq.protocol.UserProperty;
import io.ternmq.protocol.WillProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Measures and writes the properties of each record, property length included, in ascending identifier order
 * (user properties in their own order). Absent (null) fields are not written.
 */
final class PropertyEmitter {

    private PropertyEmitter() {
    }

    /** The size of the properties without the property length field. */
    static int length(PacketProperties properties) {
        PropertySink.Size size = new PropertySink.Size();
        emit(properties, size);
        return PacketEncoder.requireRemainingLength(size.total());
    }

    /** The size of the property length field plus the properties. */
    static int fieldSize(PacketProperties properties) {
        int length = length(properties);
        return VariableByteInteger.size(length) + length;
    }

    /** Writes the property length and the properties. */
    static void write(ByteBuf out, PacketProperties properties) {
        VariableByteInteger.write(out, length(properties));
        emit(properties, new PropertySink.Write(out));
    }

    private static void emit(PacketProperties properties, PropertySink s) {
        switch (properties) {
            case ConnectProperties p -> {
                fourByte(s, SESSION_EXPIRY_INTERVAL, p.sessionExpiryInterval());
                string(s, AUTHENTICATION_METHOD, p.authenticationMethod());
                binary(s, AUTHENTICATION_DATA, p.authenticationData());
                flag(s, REQUEST_PROBLEM_INFORMATION, p.requestProblemInformation());
                flag(s, REQUEST_RESPONSE_INFORMATION, p.requestResponseInformation());
                twoByte(s, RECEIVE_MAXIMUM, p.receiveMaximum());
                twoByte(s, TOPIC_ALIAS_MAXIMUM, p.topicAliasMaximum());
                users(s, p.userProperties());
                fourByte(s, MAXIMUM_PACKET_SIZE, p.maximumPacketSize());
            }
            case WillProperties p -> {
                payloadFormat(s, p.payloadFormatIndicator());
                fourByte(s, MESSAGE_EXPIRY_INTERVAL, p.messageExpiryInterval());
                string(s, CONTENT_TYPE, p.contentType());
                string(s, RESPONSE_TOPIC, p.responseTopic());
                binary(s, CORRELATION_DATA, p.correlationData());
                fourByte(s, WILL_DELAY_INTERVAL, p.willDelayInterval());
                users(s, p.userProperties());
            }
            case ConnackProperties p -> connack(s, p);
            case PublishProperties p -> {
                payloadFormat(s, p.payloadFormatIndicator());
                fourByte(s, MESSAGE_EXPIRY_INTERVAL, p.messageExpiryInterval());
                string(s, CONTENT_TYPE, p.contentType());
                string(s, RESPONSE_TOPIC, p.responseTopic());
                binary(s, CORRELATION_DATA, p.correlationData());
                for (int id : p.subscriptionIdentifiers()) {
                    s.variableByte(SUBSCRIPTION_IDENTIFIER, id);
                }
                twoByte(s, TOPIC_ALIAS, p.topicAlias());
                users(s, p.userProperties());
            }
            case AckProperties p -> {
                string(s, REASON_STRING, p.reasonString());
                users(s, p.userProperties());
            }
            case SubscribeProperties p -> {
                Integer id = p.subscriptionIdentifier();
                if (id != null) {
                    s.variableByte(SUBSCRIPTION_IDENTIFIER, id);
                }
                users(s, p.userProperties());
            }
            case UnsubscribeProperties p -> users(s, p.userProperties());
            case DisconnectProperties p -> {
                fourByte(s, SESSION_EXPIRY_INTERVAL, p.sessionExpiryInterval());
                string(s, SERVER_REFERENCE, p.serverReference());
                string(s, REASON_STRING, p.reasonString());
                users(s, p.userProperties());
            }
            case AuthProperties p -> {
                string(s, AUTHENTICATION_METHOD, p.authenticationMethod());
                binary(s, AUTHENTICATION_DATA, p.authenticationData());
                string(s, REASON_STRING, p.reasonString());
                users(s, p.userProperties());
            }
        }
    }

    private static void connack(PropertySink s, ConnackProperties p) {
        fourByte(s, SESSION_EXPIRY_INTERVAL, p.sessionExpiryInterval());
        string(s, ASSIGNED_CLIENT_IDENTIFIER, p.assignedClientIdentifier());
        twoByte(s, SERVER_KEEP_ALIVE, p.serverKeepAlive());
        string(s, AUTHENTICATION_METHOD, p.authenticationMethod());
        binary(s, AUTHENTICATION_DATA, p.authenticationData());
        string(s, RESPONSE_INFORMATION, p.responseInformation());
        string(s, SERVER_REFERENCE, p.serverReference());
        string(s, REASON_STRING, p.reasonString());
        twoByte(s, RECEIVE_MAXIMUM, p.receiveMaximum());
        twoByte(s, TOPIC_ALIAS_MAXIMUM, p.topicAliasMaximum());
        Qos maximumQos = p.maximumQos();
        if (maximumQos != null) {
            s.byteValue(MAXIMUM_QOS, maximumQos.value());
        }
        flag(s, RETAIN_AVAILABLE, p.retainAvailable());
        users(s, p.userProperties());
        fourByte(s, MAXIMUM_PACKET_SIZE, p.maximumPacketSize());
        flag(s, WILDCARD_SUBSCRIPTION_AVAILABLE, p.wildcardSubscriptionAvailable());
        flag(s, SUBSCRIPTION_IDENTIFIER_AVAILABLE, p.subscriptionIdentifiersAvailable());
        flag(s, SHARED_SUBSCRIPTION_AVAILABLE, p.sharedSubscriptionAvailable());
    }

    private static void payloadFormat(PropertySink s, @Nullable PayloadFormat format) {
        if (format != null) {
            s.byteValue(PAYLOAD_FORMAT_INDICATOR, format.value());
        }
    }

    private static void flag(PropertySink s, PropertyId id, @Nullable Boolean value) {
        if (value != null) {
            s.byteValue(id, value ? 1 : 0);
        }
    }

    private static void twoByte(PropertySink s, PropertyId id, @Nullable Integer value) {
        if (value != null) {
            s.twoByte(id, value);
        }
    }

    private static void fourByte(PropertySink s, PropertyId id, @Nullable Long value) {
        if (value != null) {
            s.fourByte(id, value);
        }
    }

    private static void string(PropertySink s, PropertyId id, @Nullable String value) {
        if (value != null) {
            s.string(id, value);
        }
    }

    private static void binary(PropertySink s, PropertyId id, byte @Nullable [] value) {
        if (value != null) {
            s.binary(id, value);
        }
    }

    private static void users(PropertySink s, List<UserProperty> users) {
        for (UserProperty u : users) {
            s.userProperty(u);
        }
    }
}
