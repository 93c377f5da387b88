package io.ternmq.store.rocksdb;

/**
 * The optional fields that format version 2 appends to a row after every field of version 1: zero or more
 * {@code tag:u8 value}, each tag at most once unless said otherwise. A row without any reads exactly as version 1
 * wrote it, and a 3.1.1 message still has none, so it costs nothing. Tags below 0x80 are the MQTT 5 property
 * identifiers of the same meaning; 0x80 and above are TernMQ's own. Which tags a row may carry is documented by
 * its codec; any other tag is corrupt.
 */
final class Tag {

    /** u8: 0 unspecified bytes, 1 UTF-8. */
    static final int PAYLOAD_FORMAT = 0x01;
    /** u32: seconds; a message's as received (its expiry runs from {@link #EXPIRES_AT}), a will's from publication. */
    static final int MESSAGE_EXPIRY_INTERVAL = 0x02;
    /** u16-length UTF-8. */
    static final int CONTENT_TYPE = 0x03;
    /** u16-length UTF-8. */
    static final int RESPONSE_TOPIC = 0x08;
    /** u32-length bytes. */
    static final int CORRELATION_DATA = 0x09;
    /** u32: seconds; absent means 0xFFFFFFFF (never), the only value 3.1.1 sessions have. */
    static final int SESSION_EXPIRY_INTERVAL = 0x11;
    /** name and value, each u16-length UTF-8; repeated, in their order. */
    static final int USER_PROPERTY = 0x26;
    /** i64: epoch millis at which a message's expiry interval runs out. */
    static final int EXPIRES_AT = 0x80;
    /**
     * filter:u16-length UTF-8, options:u8 (the SUBSCRIBE options byte without QoS: bit 2 no local, bit 3 retain as
     * published, bits 4-5 retain handling), subscription identifier:u32 (0 none); repeated, one per filter whose
     * options are not the default.
     */
    static final int SUBSCRIPTION_OPTIONS = 0x81;

    private Tag() {
    }
}
