package io.ternmq.protocol;

/** The MQTT 3.1/3.1.1 CONNACK return codes (MQTT 3.1.1 section 3.2.2.3). */
public enum ConnectReturnCode {
    ACCEPTED(0x00),
    UNACCEPTABLE_PROTOCOL_VERSION(0x01),
    IDENTIFIER_REJECTED(0x02),
    SERVER_UNAVAILABLE(0x03),
    BAD_USERNAME_OR_PASSWORD(0x04),
    NOT_AUTHORIZED(0x05);

    private final int value;

    ConnectReturnCode(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
