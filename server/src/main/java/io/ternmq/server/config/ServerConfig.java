package io.ternmq.server.config;

/** The broker's whole configuration after every layer is applied and validated; mirrors the YAML sections. */
public record ServerConfig(ListenerConfig listener, LimitsConfig limits, SessionsConfig sessions,
                           StorageConfig storage, AuthConfig auth, AdminConfig admin, SysConfig sys,
                           LogConfig log) {
}
