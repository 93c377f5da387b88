package io.ternmq.server.config;

/**
 * The {@code admin} section: the admin HTTP listener and its REST API credentials (a token, a user and password,
 * or both). Empty strings mean "not set".
 */
public record AdminConfig(boolean enabled, String bind, int port, String token, String username, String password) {

    @Override
    public String toString() {
        return "AdminConfig[enabled=" + enabled + ", bind=" + bind + ", port=" + port + ", username=" + username + "]";
    }
}
