package io.ternmq.protocol;

/** Where an MQTT 5 property may appear: the packet types that carry properties, plus the will properties. */
public enum PropertyScope {
    CONNECT, WILL, CONNACK, PUBLISH, PUBACK, PUBREC, PUBREL, PUBCOMP, SUBSCRIBE, SUBACK, UNSUBSCRIBE, UNSUBACK,
    DISCONNECT, AUTH
}
