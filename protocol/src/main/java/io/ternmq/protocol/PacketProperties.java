package io.ternmq.protocol;

/**
 * The MQTT 5 properties of one kind of packet, as a typed immutable record. Each record has an {@code EMPTY}
 * constant, which is what packets carry before MQTT 5 and what a packet without properties decodes to.
 */
public sealed interface PacketProperties
        permits ConnectProperties, WillProperties, ConnackProperties, PublishProperties, AckProperties,
                SubscribeProperties, UnsubscribeProperties, DisconnectProperties, AuthProperties {
}
