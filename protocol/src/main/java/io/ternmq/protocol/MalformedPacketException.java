package io.ternmq.protocol;

/**
 * Input that breaks the protocol: a malformed packet or a protocol error. It carries the MQTT 5 reason code
 * so that one place can turn it into a DISCONNECT with that code (5.0) or a plain close (3.1.1).
 * Stack traces are not filled in: this is thrown for hostile input, often, and the message says it all.
 */
public class MalformedPacketException extends RuntimeException {

    private final ReasonCode reasonCode;

    public MalformedPacketException(ReasonCode reasonCode, String message) {
        super(message, null, false, false);
        this.reasonCode = reasonCode;
    }

    public ReasonCode reasonCode() {
        return reasonCode;
    }
}
