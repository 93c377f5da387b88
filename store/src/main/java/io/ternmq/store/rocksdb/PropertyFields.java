package io.ternmq.store.rocksdb;

import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.UserProperty;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Writes and reads the forwarded MQTT 5 properties of a message as {@link Tag tagged fields}: payload format,
 * message expiry interval, content type, response topic, correlation data and user properties in their order
 * [MQTT-3.3.2-18]. Topic alias and subscription identifiers belong to one hop and are never written. Reading
 * collects one row's tags; a codec hands each tag it reads to {@link #read} and treats a refused one as corrupt.
 */
final class PropertyFields {

    private @Nullable PayloadFormat payloadFormat;
    private @Nullable Long messageExpiryInterval;
    private @Nullable String contentType;
    private @Nullable String responseTopic;
    private byte @Nullable [] correlationData;
    private final List<UserProperty> userProperties = new ArrayList<>();
    private final BitSet seen = new BitSet(256);

    static boolean isEmpty(PublishProperties p) {
        return p.payloadFormatIndicator() == null && p.messageExpiryInterval() == null && p.contentType() == null
                && p.responseTopic() == null && p.correlationData() == null && p.userProperties().isEmpty();
    }

    static void write(ValueWriter out, PublishProperties properties) {
        PayloadFormat format = properties.payloadFormatIndicator();
        if (format != null) {
            out.u8(Tag.PAYLOAD_FORMAT).u8(format.value());
        }
        Long expiry = properties.messageExpiryInterval();
        if (expiry != null) {
            out.u8(Tag.MESSAGE_EXPIRY_INTERVAL).u32((int) expiry.longValue());
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
    static int sizeHint(PublishProperties properties) {
        if (isEmpty(properties)) {
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
            case Tag.MESSAGE_EXPIRY_INTERVAL -> messageExpiryInterval = Integer.toUnsignedLong(in.u32());
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

    PublishProperties properties() {
        if (payloadFormat == null && messageExpiryInterval == null && contentType == null && responseTopic == null
                && correlationData == null && userProperties.isEmpty()) {
            return PublishProperties.EMPTY;
        }
        return new PublishProperties(payloadFormat, messageExpiryInterval, null, responseTopic, correlationData,
                userProperties, List.of(), contentType);
    }

    static CorruptValueException unknown(int tag) {
        return new CorruptValueException("unknown tag 0x" + Integer.toHexString(tag));
    }
}
