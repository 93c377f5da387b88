package io.ternmq.transport;

/** Whether a new connection may stay, and if not, which limit it hit. */
enum Admission {
    ADMITTED("admitted"),
    LISTENER_FULL("the listener's max_connections is reached"),
    BROKER_FULL("the broker's limits.max_connections is reached"),
    RATE_EXCEEDED("more connections per second than the listener's max_connections_per_second");

    private final String description;

    Admission(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
