package io.ternmq.server.config;

/**
 * The {@code mqtt} section: how MQTT 5 clients are answered at CONNECT, and the limits they are told and held to
 * beyond the {@code limits} section.
 *
 * @param maxKeepAlive         seconds; 0 = no maximum
 * @param responseInformation  empty = none
 * @param serverReference      empty = no redirect
 * @param serverReferenceCode  {@code use_another_server} (CONNACK 0x9C) or {@code server_moved} (0x9D)
 * @param receiveMaximum       QoS 1/2 PUBLISHes a client may leave unacknowledged
 * @param topicAliasMaximum    highest topic alias a client may use; 0 = none
 * @param outboundTopicAliases {@code lru} or {@code none}
 * @param maximumQos           0, 1 or 2
 * @param retainAvailable      whether clients may publish retained messages
 */
public record MqttConfig(int maxKeepAlive, String responseInformation, String serverReference,
                         String serverReferenceCode, int receiveMaximum, int topicAliasMaximum,
                         String outboundTopicAliases, int maximumQos, boolean retainAvailable) {
}
