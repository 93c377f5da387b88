package io.ternmq.testkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HexTest {

    @Test
    void parse_spacedAndUpperCase_givesBytes() {
        assertThat(Hex.parse("20 02\n00 0A")).containsExactly(0x20, 0x02, 0x00, 0x0A);
    }

    @Test
    void parse_oddDigits_isRejected() {
        assertThatThrownBy(() -> Hex.parse("2 02")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void format_bytes_isLowerCaseSpaced() {
        assertThat(Hex.format(new byte[] {(byte) 0xD0, 0})).isEqualTo("d0 00");
    }
}
