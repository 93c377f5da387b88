package io.ternmq.server.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * SASLprep (RFC 4013), which SCRAM applies to passwords before hashing (RFC 5802 section 2.2, "Normalize"), so
 * that a password typed in another Unicode form still gives the same keys: map non-ASCII spaces to a space and
 * drop the characters "commonly mapped to nothing", normalise to NFKC, refuse prohibited characters and
 * ill-formed bidirectional text. Not checked: unassigned code points of Unicode 3.2 (the JDK's tables are newer).
 * A password that is not UTF-8 is binary, and stays as it is.
 */
final class SaslPrep {

    private SaslPrep() {
    }

    /** The prepared password as UTF-8; throws {@link IllegalArgumentException} when SASLprep refuses it. */
    static byte[] password(byte[] password) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(password)).toString();
        } catch (CharacterCodingException binary) {
            return password;
        }
        String prepared = prepare(text);
        if (prepared.isEmpty()) {
            throw new IllegalArgumentException("the password is empty after SASLprep");
        }
        return prepared.getBytes(StandardCharsets.UTF_8);
    }

    static String prepare(String text) {
        StringBuilder mapped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isNonAsciiSpace(c)) {
                mapped.append(' '); // RFC 4013 2.1: C.1.2 to SPACE
            } else if (!isMappedToNothing(c)) {
                mapped.appendCodePoint(c); // RFC 4013 2.1: B.1 removed
            }
        });
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC); // RFC 4013 2.2
        normalized.codePoints().forEach(c -> {
            if (isProhibited(c)) {
                throw new IllegalArgumentException("the password has a character SASLprep prohibits: U+"
                        + Integer.toHexString(c).toUpperCase());
            }
        });
        requireBidiRules(normalized);
        return normalized;
    }

    /** RFC 3454 table C.1.2. */
    private static boolean isNonAsciiSpace(int c) {
        return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    /** RFC 3454 table B.1. */
    private static boolean isMappedToNothing(int c) {
        return c == 0x00AD || c == 0x034F || c == 0x1806 || (c >= 0x180B && c <= 0x180D)
                || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
    }

    /** RFC 4013 2.3: tables C.1.2, C.2.1, C.2.2, C.3, C.4, C.5, C.6, C.7, C.8 and C.9 of RFC 3454. */
    private static boolean isProhibited(int c) {
        return isNonAsciiSpace(c)
                || c < 0x20 || c == 0x7F // C.2.1
                || (c >= 0x80 && c <= 0x9F) || c == 0x06DD || c == 0x070F || c == 0x180E || c == 0x200C
                || c == 0x200D || c == 0x2028 || c == 0x2029 || (c >= 0x2060 && c <= 0x2063)
                || c == 0xFEFF || (c >= 0x1D173 && c <= 0x1D17A) // C.2.2
                || (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD)
                || (c >= 0x100000 && c <= 0x10FFFD) // C.3
                || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE // C.4
                || (c >= 0xD800 && c <= 0xDFFF) // C.5
                || (c >= 0xFFF9 && c <= 0xFFFD) // C.6 (and C.2.2's FFF9..FFFC)
                || (c >= 0x2FF0 && c <= 0x2FFB) // C.7
                || c == 0x0340 || c == 0x0341 || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x206A && c <= 0x206F) // C.8
                || c == 0xE0001 || (c >= 0xE0020 && c <= 0xE007F); // C.9
    }

    /** RFC 3454 section 6: right-to-left text has no left-to-right characters and starts and ends right-to-left. */
    private static void requireBidiRules(String text) {
        boolean anyRightToLeft = text.codePoints().anyMatch(SaslPrep::isRightToLeft);
        if (!anyRightToLeft) {
            return;
        }
        boolean anyLeftToRight = text.codePoints()
                .anyMatch(c -> Character.getDirectionality(c) == Character.DIRECTIONALITY_LEFT_TO_RIGHT);
        int first = text.codePointAt(0);
        int last = text.codePointBefore(text.length());
        if (anyLeftToRight || !isRightToLeft(first) || !isRightToLeft(last)) {
            throw new IllegalArgumentException("the password mixes right-to-left and left-to-right text in a way "
                    + "SASLprep prohibits");
        }
    }

    private static boolean isRightToLeft(int c) {
        byte direction = Character.getDirectionality(c);
        return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }
}
