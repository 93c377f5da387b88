package io.ternmq.core;

/**
 * Which optional subscription features the broker offers; MQTT 5 clients are told in CONNACK (3.2.2.3.11 to
 * 3.2.2.3.13), and a refused use is answered per filter in SUBACK (0x9E, 0xA2) or, for an identifier the client
 * was told not to send, with DISCONNECT 0xA1. The same switches apply to 3.1.1 clients, which get 0x80.
 *
 * @param shared      shared subscriptions, {@code $share/{ShareName}/{filter}}
 * @param identifiers subscription identifiers
 * @param wildcards   filters with '+' or '#'
 */
public record SubscriptionFeatures(boolean shared, boolean identifiers, boolean wildcards) {

    public static final SubscriptionFeatures ALL = new SubscriptionFeatures(true, true, true);
}
