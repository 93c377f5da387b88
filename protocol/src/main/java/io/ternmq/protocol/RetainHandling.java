package io.ternmq.protocol;

/** The retain handling subscription option of MQTT 5 (3.8.3.1); value 3 is a protocol error. */
public enum RetainHandling {
    /** 0: send retained messages at the time of the subscribe (the only behaviour of 3.1.1). */
    SEND_ON_SUBSCRIBE,
    /** 1: send retained messages only if the subscription does not currently exist. */
    SEND_IF_NEW_SUBSCRIPTION,
    /** 2: do not send retained messages at the time of the subscribe. */
    DO_NOT_SEND;

    private static final RetainHandling[] VALUES = values();

    public int value() {
        return ordinal();
    }

    /** The option for 0..2; 3 is a protocol error (3.8.3.1). */
    public static RetainHandling fromValue(int value) {
        if (value < 0 || value > 2) {
            throw new MalformedPacketException(ReasonCode.PROTOCOL_ERROR, "retain handling " + value + " is reserved");
        }
        return VALUES[value];
    }
}
