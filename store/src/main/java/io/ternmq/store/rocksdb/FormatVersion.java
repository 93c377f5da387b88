package io.ternmq.store.rocksdb;

/**
 * The on-disk format version, in the default column family.
 * <pre>
 *   key   = "ternmq.format" (UTF-8)
 *   value = version:u32 big-endian
 * </pre>
 * A new database gets {@link #CURRENT}; a database of an older version this code still reads is marked current
 * when opened (from then on it may hold rows the older code cannot read); any other version is refused (no silent
 * reinterpretation).
 * Version 1: the layouts documented by the codecs of this package, without the tagged fields.
 * Version 2: the same, plus the optional tagged fields ({@link Tag}) of MQTT 5 that rows may end with; a version 1
 * row is a valid version 2 row.
 */
final class FormatVersion {

    static final int CURRENT = 2;
    /** The oldest version this code reads (and upgrades by marking it current). */
    static final int OLDEST_READABLE = 1;
    static final byte[] KEY = "ternmq.format".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private FormatVersion() {
    }

    static byte[] encode(int version) {
        return new ValueWriter(4).u32(version).toBytes();
    }

    static int decode(byte[] value) {
        var in = new ValueReader(value);
        int version = in.u32();
        in.end();
        return version;
    }
}
