package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.MalformedPacketException;
import java.nio.charset.StandardCharsets;

/**
 * MQTT UTF-8 strings (1.5.3): well-formed UTF-8 without surrogates or U+0000. Most topics are ASCII, so the
 * decoder first scans for a byte outside 0x01..0x7F in a plain array loop and, when there is none, builds the
 * string as Latin-1 (a straight copy into a compact string); only other strings take the full validation.
 */
final class Utf8 {

    private static final int MAX_LENGTH = 65_535;

    private Utf8() {
    }

    /** Decodes {@code length} bytes at {@code index} without moving the reader index. */
    static String decode(ByteBuf in, int index, int length, String field) {
        if (length == 0) {
            return "";
        }
        if (in.hasArray()) {
            return decode(in.array(), in.arrayOffset() + index, length, field);
        }
        // A direct buffer has no array to scan: Netty copies it through a reused scratch array into the string,
        // and the chars of a Latin-1 string are the bytes, so the ASCII check runs on the string itself.
        String latin1 = in.toString(index, length, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < length; i++) {
            char c = latin1.charAt(i);
            if (c == 0 || c >= 0x80) {
                byte[] copy = new byte[length];
                in.getBytes(index, copy);
                return decode(copy, 0, length, field);
            }
        }
        return latin1;
    }

    static String decode(byte[] bytes, int offset, int length, String field) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] <= 0) {
                validate(bytes, i, end, offset, field);
                return new String(bytes, offset, length, StandardCharsets.UTF_8);
            }
        }
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    /** Checks well-formedness per RFC 3629 table 3-7 from {@code i}, the first byte outside 0x01..0x7F. */
    private static void validate(byte[] bytes, int i, int end, int offset, String field) {
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                throw Malformed.packet(field + ": U+0000 at byte " + (i - offset)); // [MQTT-1.5.3-2]
            }
            if (b < 0x80) {
                i++;
                continue;
            }
            int continuation;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                continuation = 1;
            } else if (b == 0xE0) {
                continuation = 2;
                secondMin = 0xA0; // E0 80..9F would be an overlong 2-byte character
            } else if (b == 0xED) {
                continuation = 2;
                secondMax = 0x9F; // ED A0..BF would encode a surrogate U+D800..U+DFFF
            } else if (b >= 0xE1 && b <= 0xEF) {
                continuation = 2;
            } else if (b == 0xF0) {
                continuation = 3;
                secondMin = 0x90; // F0 80..8F would be overlong
            } else if (b >= 0xF1 && b <= 0xF3) {
                continuation = 3;
            } else if (b == 0xF4) {
                continuation = 3;
                secondMax = 0x8F; // beyond U+10FFFF otherwise
            } else {
                // 80..BF: stray continuation; C0, C1: overlong; F5..FF: beyond U+10FFFF
                throw invalid(field, i - offset, String.format("byte 0x%02X cannot start a character", b));
            }
            if (end - i - 1 < continuation) {
                throw invalid(field, i - offset, "sequence cut short");
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondMin || second > secondMax) {
                String why = b == 0xED && second >= 0xA0 && second <= 0xBF ? "encoded surrogate"
                        : (b == 0xE0 || b == 0xF0) && second >= 0x80 && second < secondMin ? "overlong encoding"
                        : "bad continuation byte";
                throw invalid(field, i - offset, why);
            }
            for (int k = 2; k <= continuation; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    throw invalid(field, i - offset, "bad continuation byte");
                }
            }
            i += continuation + 1;
        }
    }

    private static MalformedPacketException invalid(String field, int position, String why) {
        return Malformed.packet(field + ": invalid UTF-8 at byte " + position + " (" + why + ")"); // [MQTT-1.5.3-1]
    }

    /**
     * The UTF-8 length of {@code s}, which must be encodable as an MQTT string: no lone surrogate, no U+0000,
     * at most 65535 bytes.
     */
    static int encodedLength(String s, String field) {
        int length = s.length();
        int bytes = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c == 0) {
                throw new IllegalArgumentException(field + " contains U+0000"); // [MQTT-1.5.3-2]
            }
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(field + " contains a lone surrogate at " + i); // [MQTT-1.5.3-1]
            } else {
                bytes += 3;
            }
        }
        if (bytes > MAX_LENGTH) {
            throw new IllegalArgumentException(field + " is " + bytes + " bytes of UTF-8, more than 65535");
        }
        return bytes;
    }
}
