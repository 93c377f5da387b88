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
import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.PropertyScope;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.SubscribeProperties;
import io.ternmq.protocol.UnsubscribeProperties;
import io.ternmq.protocol.WillProperties;
import org.jspecify.annotations.Nullable;

/** Reads the properties of each kind of packet into its typed record; no properties give the EMPTY constant. */
final class PropertyRecords {

    private PropertyRecords() {
    }

    static ConnectProperties connect(ByteBuf in, int end) {
        DecodedProperties p = DecodedProperties.read(in, end, PropertyScope.CONNECT);
        return p == null ? ConnectProperties.EMPTY : new ConnectProperties(p.fourByte(SESSION_EXPIRY_INTERVAL),
                p.integer(RECEIVE_MAXIMUM), p.fourByte(MAXIMUM_PACKET_SIZE), p.integer(TOPIC_ALIAS_MAXIMUM),
                p.flag(REQUEST_RESPONSE_INFORMATION), p.flag(REQUEST_PROBLEM_INFORMATION),
                p.string(AUTHENTICATION_METHOD), p.binary(AUTHENTICATION_DATA), p.userProperties());
    }

    static WillProperties will(ByteBuf in, int end) {
        DecodedProperties p = DecodedProperties.read(in, end, PropertyScope.WILL);
        return p == null ? WillProperties.EMPTY : new WillProperties(p.fourByte(WILL_DELAY_INTERVAL),
                payloadFormat(p), p.fourByte(MESSAGE_EXPIRY_INTERVAL), p.string(CONTENT_TYPE),
                p.string(RESPONSE_TOPIC), p.binary(CORRELATION_DATA), p.userProperties());
    }

    static ConnackProperties connack(ByteBuf in, int end) {
        DecodedProperties p = DecodedProperties.read(in, end, PropertyScope.CONNACK);
        if (p == null) {
            return ConnackProperties.EMPTY;
        }
        Integer maximumQos = p.integer(MAXIMUM_QOS);
        return new ConnackProperties(p.fourByte(SESSION_EXPIRY_INTERVAL), p.integer(RECEIVE_MAXIMUM),
                maximumQos == null ? null : Qos.fromValue(maximumQos), p.flag(RETAIN_AVAILABLE),
                p.fourByte(MAXIMUM_PACKET_SIZE), p.string(ASSIGNED_CLIENT_IDENTIFIER), p.integer(TOPIC_ALIAS_MAXIMUM),
                p.string(REASON_STRING), p.userProperties(), p.flag(WILDCARD_SUBSCRIPTION_AVAILABLE),
                p.flag(SUBSCRIPTION_IDENTIFIER_AVAILABLE), p.flag(SHARED_SUBSCRIPTION_AVAILABLE),
                p.integer(SERVER_KEEP_ALIVE), p.string(RESPONSE_INFORMATION), p.string(SERVER_REFERENCE),
                p.string(AUTHENTICATION_METHOD), p.binary(AUTHENTICATION_DATA));
    }

    static PublishProperties publish(ByteBuf in, int end) {
        DecodedProperties p = DecodedProperties.read(in, end, PropertyScope.PUBLISH);
        return p == null ? PublishProperties.EMPTY : new PublishProperties(payloadFormat(p),
                p.fourByte(MESSAGE_EXPIRY_INTERVAL), p.integer(TOPIC_ALIAS), p.string(RESPONSE_TOPIC),
                p.binary(CORRELATION_DATA), p.userProperties(), p.subscriptionIdentifiers(), p.string(CONTENT_TYPE));
    }

    static AckProperties ack(ByteBuf in, int end, PropertyScope scope) {
        DecodedProperties p = DecodedProperties.read(in, end, scope);
        return p == null ? AckProperties.EMPTY : new AckProperties(p.string(REASON_STRING), p.userProperties());
    }

    static SubscribeProperties subscribe(ByteBuf in, int end) {
        DecodedProperties p = DecodedProperties.read(in, end, PropertyScope.SUBSCRIBE);
        return p == null ? SubscribeProperties.EMPTY
                : new SubscribeProperties(p.integer(SUBSCRIPTION_IDENTIFIER), p.userProperties());
    }

    static UnsubscribeProperties unsubscribe(ByteBuf in, int end) {
        DecodedProperties p = DecodedProperties.read(in, end, PropertyScope.UNSUBSCRIBE);
        return p == null ? UnsubscribeProperties.EMPTY : new UnsubscribeProperties(p.userProperties());
    }

    static DisconnectProperties disconnect(ByteBuf in, int end) {
        DecodedProperties p = DecodedProperties.read(in, end, PropertyScope.DISCONNECT);
        return p == null ? DisconnectProperties.EMPTY : new DisconnectProperties(p.fourByte(SESSION_EXPIRY_INTERVAL),
                p.string(REASON_STRING), p.userProperties(), p.string(SERVER_REFERENCE));
    }

    static AuthProperties auth(ByteBuf in, int end) {
        DecodedProperties p = DecodedProperties.read(in, end, PropertyScope.AUTH);
        return p == null ? AuthProperties.EMPTY : new AuthProperties(p.string(AUTHENTICATION_METHOD),
                p.binary(AUTHENTICATION_DATA), p.string(REASON_STRING), p.userProperties());
    }

    private static @Nullable PayloadFormat payloadFormat(DecodedProperties p) {
        Integer value = p.integer(PAYLOAD_FORMAT_INDICATOR);
        return value == null ? null : PayloadFormat.fromValue(value);
    }
}
