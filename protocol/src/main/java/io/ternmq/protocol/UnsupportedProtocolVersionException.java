package io.ternmq.protocol;

/**
 * A CONNECT whose protocol level the broker does not speak. The broker answers it with CONNACK 0x01
 * (3.1.1) before closing [MQTT-3.1.2-2], which is why it is told apart from other malformed input.
 */
public final class UnsupportedProtocolVersionException extends MalformedPacketException {

    private final int level;

    public UnsupportedProtocolVersionException(int level) {
        super(ReasonCode.UNSUPPORTED_PROTOCOL_VERSION, "unsupported protocol level " + level);
        this.level = level;
    }

    public int level() {
        return level;
    }
}
