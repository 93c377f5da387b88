package io.ternmq.protocol.codec;

import java.util.HexFormat;

/** Parses byte literals written as hex pairs, one field per line, with a {@code //} comment after each. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String text) {
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\n")) {
            int comment = line.indexOf("//");
            String data = comment >= 0 ? line.substring(0, comment) : line;
            digits.append(data.replaceAll("\\s+", ""));
        }
        return HexFormat.of().parseHex(digits);
    }

    static String of(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
