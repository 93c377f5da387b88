package io.ternmq.testkit;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Hex strings such as {@code "20 02 00 00"} to bytes and back; whitespace between bytes is ignored. */
public final class Hex {

    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ");

    private Hex() {
    }

    public static byte[] parse(String hex) {
        String digits = hex.replaceAll("\\s+", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits in \"" + hex + "\"");
        }
        return HexFormat.of().parseHex(digits);
    }

    public static String format(byte[] bytes) {
        return SPACED.formatHex(bytes);
    }

    /** Normalises a hex string (lower case, single spaces) so two spellings of the same bytes compare equal. */
    public static String normalize(String hex) {
        return format(parse(hex));
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
