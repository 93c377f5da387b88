package io.ternmq.e2e.robustness;

/**
 * One hostile connection: the bytes it sends and how the broker must end it.
 *
 * @param kind        what the case abuses, for the summary and for failure messages
 * @param bytes       everything the client sends, at once
 * @param reply       the exact bytes the broker must send before it closes, when {@code ending} is {@link
 *                    Ending#BROKER_CLOSES_AFTER_REPLY}; a required prefix for {@link Ending#BROKER_CLOSES}
 * @param ending      who ends the connection
 */
record HostileCase(Kind kind, byte[] bytes, byte[] reply, Ending ending) {

    enum Kind {
        RANDOM_BYTES, MUTATED_PACKETS, TRUNCATED_PACKETS, HUGE_LENGTH, INVALID_UTF8_TOPIC, INVALID_UTF8_CLIENT_ID,
        PACKET_ID_ABUSE, SUBSCRIBE_FLOOD, BAD_PROTOCOL_LEVEL, MQTT5_PROPERTY_ABUSE
    }

    enum Ending {
        /** The broker answers exactly {@code reply} and closes, with the client's side still open. */
        BROKER_CLOSES_AFTER_REPLY,
        /** The broker answers something starting with {@code reply} and closes, with the client's side open. */
        BROKER_CLOSES,
        /**
         * The client half-closes after sending (the input may be an incomplete packet the broker rightly waits
         * for); the broker may answer anything but must then close too.
         */
        CLIENT_HALF_CLOSES
    }
}
