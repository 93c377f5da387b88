package io.ternmq.store.rocksdb;

import java.nio.charset.StandardCharsets;

/**
 * The column families of the database, one per kind of data; each codec documents its family's layout. The
 * default family holds only the format version ({@link FormatVersion}).
 */
enum Family {
    SESSIONS("sessions"),
    MESSAGES("messages"),
    QUEUES("queues"),
    INFLIGHT("inflight"),
    INBOUND("inbound_qos2"),
    RETAINED("retained"),
    WILLS("wills");

    private final String familyName;

    Family(String familyName) {
        this.familyName = familyName;
    }

    String familyName() {
        return familyName;
    }

    byte[] nameBytes() {
        return familyName.getBytes(StandardCharsets.UTF_8);
    }
}
