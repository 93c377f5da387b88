package io.ternmq.server.config;

import java.util.List;

/**
 * The broker's whole configuration after every layer is applied and validated; mirrors the YAML sections.
 * {@code listeners} are the entries of the file's {@code listeners:} list, in file order, besides the default one.
 */
public record ServerConfig(ListenerConfig listener, LimitsConfig limits, SessionsConfig sessions,
                           StorageConfig storage, AuthConfig auth, AdminConfig admin, SysConfig sys,
                           LogConfig log, List<io.ternmq.transport.ListenerConfig> listeners, MqttConfig mqtt) {

    public ServerConfig {
        listeners = List.copyOf(listeners);
    }
}
