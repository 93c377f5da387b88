package io.ternmq.store.rocksdb;

import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.UserProperty;
import io.ternmq.store.MessageProperties;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Writes and reads the forwarded MQTT 5 properties of a message as {@link Tag tagged fields}. Reading collects one
 * row's tags; a codec hands each tag it reads to {@link #read} and treats a refused one as corrupt.
 */
final class PropertyFields {

    private @Nullable PayloadFormat payloadFormat;
    private @Nullable String contentType;
    private @Nullable String responseTopic;
    private byte @Nullable [] correlationData;
    private final List<UserProperty> userProperties = new ArrayList<>();
    private final BitSet seen = new BitSet(256);

    static void write(ValueWriter out, MessageProperties properties) {
        PayloadFormat format = properties.payloadFormat();
        if (format != null) {
            out.u8(Tag.PAYLOAD_FORMAT).u8(format.value());
        }
        if (properties.contentType() != null) {
            out.u8(Tag.CONTENT_TYPE).string(properties.contentType());
        }
        if (properties.responseTopic() != null) {
            out.u8(Tag.RESPONSE_TOPIC).string(properties.responseTopic());
        }
        if (properties.correlationData() != null) {
            out.u8(Tag.CORRELATION_DATA).blob(properties.correlationData());
        }
        for (UserProperty property : properties.userProperties()) {
            out.u8(Tag.USER_PROPERTY).string(property.name()).string(property.value());
        }
    }

    /** A rough size of the tagged fields, to size the row's buffer. */
    static int sizeHint(MessageProperties properties) {
        if (properties.isEmpty()) {
            return 0;
        }
        byte[] correlation = properties.correlationData();
        return 64 + (correlation == null ? 0 : correlation.length) + properties.userProperties().size() * 32;
    }

    /** Reads the value of {@code tag} if it is a message property; false for any other tag. */
    boolean read(int tag, ValueReader in) {
        switch (tag) {
            case Tag.PAYLOAD_FORMAT -> payloadFormat = switch (in.u8()) {
                case 0 -> PayloadFormat.UNSPECIFIED_BYTES;
                case 1 -> PayloadFormat.UTF8;
                default -> throw new CorruptValueException("payload format indicator");
            };
            case Tag.CONTENT_TYPE -> contentType = in.string();
            case Tag.RESPONSE_TOPIC -> responseTopic = in.string();
            case Tag.CORRELATION_DATA -> correlationData = in.blob();
            case Tag.USER_PROPERTY -> {
                userProperties.add(new UserProperty(in.string(), in.string()));
                return true;
            }
            default -> {
                return false;
            }
        }
        once(tag);
        return true;
    }

    /** Marks a tag that may appear once as seen; a second one is corrupt. */
    void once(int tag) {
        if (seen.get(tag)) {
            throw new CorruptValueException("tag 0x" + Integer.toHexString(tag) + " twice");
        }
        seen.set(tag);
    }

    MessageProperties properties() {
        if (payloadFormat == null && contentType == null && responseTopic == null && correlationData == null
                && userProperties.isEmpty()) {
            return MessageProperties.EMPTY;
        }
        return new MessageProperties(payloadFormat, contentType, responseTopic, correlationData, userProperties);
    }

    static CorruptValueException unknown(int tag) {
        return new CorruptValueException("unknown tag 0x" + Integer.toHexString(tag));
    }
}
