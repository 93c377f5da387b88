package io.ternmq.server.admin;

/** Where the admin HTTP listener binds and who may use its REST API. */
public record AdminSettings(String bind, int port, AdminCredentials credentials) {

    public AdminSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("admin port must be 0..65535, was " + port);
        }
        if (bind.isBlank()) {
            throw new IllegalArgumentException("admin bind address must not be blank");
        }
    }
}
