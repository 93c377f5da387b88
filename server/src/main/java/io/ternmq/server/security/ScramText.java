package io.ternmq.server.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The lexical rules of SCRAM messages (RFC 5802 section 7), shared by the message parsers. */
final class ScramText {

    private ScramText() {
    }

    /** The message as text: well-formed UTF-8 without NUL, or refused. */
    static String utf8(byte[] data) throws ScramSyntaxException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new ScramSyntaxException("the message is not well-formed UTF-8");
        }
        if (text.indexOf('\0') >= 0) {
            throw new ScramSyntaxException("the message contains NUL");
        }
        return text;
    }

    /** The value of {@code attribute}, which must read {@code name=value}. */
    static String value(String attribute, char name) throws ScramSyntaxException {
        if (attribute.length() < 2 || attribute.charAt(0) != name || attribute.charAt(1) != '=') {
            throw new ScramSyntaxException("expected the attribute '" + name + "=' here");
        }
        return attribute.substring(2);
    }

    /** saslname: not empty, "=2C" stands for ',' and "=3D" for '='; any other '=' is invalid. */
    static String saslName(String encoded) throws ScramSyntaxException {
        if (encoded.isEmpty()) {
            throw new ScramSyntaxException("the user name is empty");
        }
        StringBuilder decoded = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '=') {
                decoded.append(c);
            } else if (encoded.startsWith("2C", i + 1)) {
                decoded.append(',');
                i += 2;
            } else if (encoded.startsWith("3D", i + 1)) {
                decoded.append('=');
                i += 2;
            } else {
                throw new ScramSyntaxException("the user name has '=' not followed by 2C or 3D");
            }
        }
        return decoded.toString();
    }

    /** A nonce: printable ASCII except ',' (already split off), at least one character. */
    static String nonce(String nonce) throws ScramSyntaxException {
        if (nonce.isEmpty()) {
            throw new ScramSyntaxException("the nonce is empty");
        }
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new ScramSyntaxException("the nonce has a character outside printable ASCII");
            }
        }
        return nonce;
    }

    /** Optional extensions, each {@code ALPHA=value}, are ignored; anything else there is refused. */
    static void requireExtensions(String[] attributes, int from, int to) throws ScramSyntaxException {
        for (int i = from; i < to; i++) {
            String attribute = attributes[i];
            if (attribute.length() < 2 || !isAlpha(attribute.charAt(0)) || attribute.charAt(1) != '=') {
                throw new ScramSyntaxException("an attribute is not of the form 'x=value'");
            }
        }
    }

    /** Base64 with padding (RFC 4648), as RFC 5802 requires; the JDK's decoder alone would accept it unpadded. */
    static byte[] base64(String text) throws ScramSyntaxException {
        if (text.length() % 4 != 0) {
            throw new ScramSyntaxException("a base64 value is not padded to a multiple of 4 characters");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ScramSyntaxException("a value is not valid base64");
        }
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
