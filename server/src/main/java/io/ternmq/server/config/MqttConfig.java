package io.ternmq.server.config;

/**
 * The {@code mqtt} section: how MQTT 5 clients are answered at CONNECT.
 *
 * @param maxKeepAlive        seconds; 0 = no maximum
 * @param responseInformation empty = none
 * @param serverReference     empty = no redirect
 * @param serverReferenceCode {@code use_another_server} (CONNACK 0x9C) or {@code server_moved} (0x9D)
 * @param maximumQos          0, 1 or 2
 */
public record MqttConfig(int maxKeepAlive, String responseInformation, String serverReference,
                         String serverReferenceCode, int maximumQos, boolean retainAvailable) {
}
