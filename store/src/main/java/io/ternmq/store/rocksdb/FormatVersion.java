package io.ternmq.store.rocksdb;

/**
 * The on-disk format version, in the default column family.
 * <pre>
 *   key   = "ternmq.format" (UTF-8)
 *   value = version:u32 big-endian
 * </pre>
 * A new database gets {@link #CURRENT}; a database of another version is refused (no silent reinterpretation).
 * Version 1: the layouts documented by the codecs of this package.
 */
final class FormatVersion {

    static final int CURRENT = 1;
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
