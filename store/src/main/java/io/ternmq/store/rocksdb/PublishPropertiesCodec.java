package io.ternmq.store.rocksdb;

import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.UserProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * The MQTT 5 properties a stored message forwards to its subscribers [MQTT-3.3.2-4] [MQTT-3.3.2-15]
 * [MQTT-3.3.2-16] [MQTT-3.3.2-17] [MQTT-3.3.2-20], as an optional trailer of a stored value: absent when the
 * message has none (so values written before 5.0 support read the same), else
 * <pre>
 *   present:u8 (bit 0 payload format, bit 1 message expiry, bit 2 content type, bit 3 response topic,
 *               bit 4 correlation data)
 *   [payloadFormat:u8] [messageExpiry:i64] [contentType:string] [responseTopic:string] [correlationData:blob]
 *   userPropertyCount:u32 (name:string value:string)*   -- in their original order [MQTT-3.3.2-18]
 * </pre>
 * Topic alias and subscription identifiers belong to one hop and are never stored.
 */
final class PublishPropertiesCodec {

    private static final int PAYLOAD_FORMAT = 1;
    private static final int MESSAGE_EXPIRY = 1 << 1;
    private static final int CONTENT_TYPE = 1 << 2;
    private static final int RESPONSE_TOPIC = 1 << 3;
    private static final int CORRELATION_DATA = 1 << 4;

    private PublishPropertiesCodec() {
    }

    static boolean isEmpty(PublishProperties p) {
        return p.payloadFormatIndicator() == null && p.messageExpiryInterval() == null && p.contentType() == null
                && p.responseTopic() == null && p.correlationData() == null && p.userProperties().isEmpty();
    }

    /** Appends the trailer, or nothing when there is nothing to forward. */
    static void write(ValueWriter out, PublishProperties p) {
        if (isEmpty(p)) {
            return;
        }
        int present = (p.payloadFormatIndicator() != null ? PAYLOAD_FORMAT : 0)
                | (p.messageExpiryInterval() != null ? MESSAGE_EXPIRY : 0)
                | (p.contentType() != null ? CONTENT_TYPE : 0)
                | (p.responseTopic() != null ? RESPONSE_TOPIC : 0)
                | (p.correlationData() != null ? CORRELATION_DATA : 0);
        out.u8(present);
        if (p.payloadFormatIndicator() != null) {
            out.u8(p.payloadFormatIndicator().value());
        }
        if (p.messageExpiryInterval() != null) {
            out.i64(p.messageExpiryInterval());
        }
        if (p.contentType() != null) {
            out.string(p.contentType());
        }
        if (p.responseTopic() != null) {
            out.string(p.responseTopic());
        }
        if (p.correlationData() != null) {
            out.blob(p.correlationData());
        }
        out.u32(p.userProperties().size());
        for (UserProperty user : p.userProperties()) {
            out.string(user.name()).string(user.value());
        }
    }

    private static PayloadFormat payloadFormat(int value) {
        if (value > 1) {
            throw new CorruptValueException("payload format indicator " + value);
        }
        return PayloadFormat.fromValue(value);
    }

    /** Reads the trailer if the value has one, else the empty properties. */
    static PublishProperties read(ValueReader in) {
        if (!in.hasRemaining()) {
            return PublishProperties.EMPTY;
        }
        int present = in.u8();
        PayloadFormat format = (present & PAYLOAD_FORMAT) == 0 ? null : payloadFormat(in.u8());
        Long expiry = (present & MESSAGE_EXPIRY) == 0 ? null : in.i64();
        String contentType = (present & CONTENT_TYPE) == 0 ? null : in.string();
        String responseTopic = (present & RESPONSE_TOPIC) == 0 ? null : in.string();
        byte[] correlation = (present & CORRELATION_DATA) == 0 ? null : in.blob();
        int count = in.u32();
        if (count < 0) {
            throw new CorruptValueException("negative user property count");
        }
        List<UserProperty> users = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            users.add(new UserProperty(in.string(), in.string()));
        }
        return new PublishProperties(format, expiry, null, responseTopic, correlation, users, List.of(),
                contentType);
    }
}
