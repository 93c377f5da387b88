package io.ternmq.server.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueTypeTest {

    private final ByteSize bytes = new ByteSize(64, 268_435_460);
    private final DurationRange duration = new DurationRange(Duration.ofMillis(1), Duration.ofHours(1));

    @Test
    void byteSize_unitsAndSpelling_areBinaryMultiples() {
        assertThat(bytes.parse("262144")).isEqualTo(262_144);
        assertThat(bytes.parse("256KB")).isEqualTo(262_144);
        assertThat(bytes.parse("256 kib")).isEqualTo(262_144);
        assertThat(bytes.parse("1MB")).isEqualTo(1_048_576);
        assertThat(bytes.parse("128B")).isEqualTo(128);
        assertThat(bytes.parse("10_000")).isEqualTo(10_000);
    }

    @Test
    void byteSize_unknownUnitOrNegative_isRejected() {
        assertThatThrownBy(() -> bytes.parse("12XB")).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("a size in bytes");
        assertThatThrownBy(() -> bytes.parse("-5")).hasMessageStartingWith("a size in bytes");
    }

    @Test
    void byteSize_outOfRange_namesTheRange() {
        assertThatThrownBy(() -> bytes.parse("1GB")).hasMessage("64..268435460 bytes");
        assertThatThrownBy(() -> bytes.parse("32")).hasMessage("64..268435460 bytes");
        assertThatThrownBy(() -> bytes.parse("999999999999999")).hasMessage("64..268435460 bytes");
    }

    @Test
    void duration_eachUnit_parses() {
        assertThat(duration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(duration.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(duration.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(duration.parse("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void duration_bareNumberOrUnknownUnit_isRejected() {
        assertThatThrownBy(() -> duration.parse("10")).hasMessageStartingWith("a duration such as");
        assertThatThrownBy(() -> duration.parse("10d")).hasMessageStartingWith("a duration such as");
    }

    @Test
    void duration_outOfRange_namesTheRange() {
        assertThatThrownBy(() -> duration.parse("0s")).hasMessage("1ms..1h");
        assertThatThrownBy(() -> duration.parse("61m")).hasMessage("1ms..1h");
    }

    @Test
    void duration_format_usesTheLargestExactUnit() {
        assertThat(duration.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(duration.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(duration.format(Duration.ofMinutes(120))).isEqualTo("2h");
    }

    @Test
    void integerRange_bounds_areInclusive() {
        IntegerRange port = new IntegerRange(0, 65_535);

        assertThat(port.parse("0")).isZero();
        assertThat(port.parse(" 65535 ")).isEqualTo(65_535);
        assertThatThrownBy(() -> port.parse("65536")).hasMessage("0..65535");
        assertThatThrownBy(() -> port.parse("1.5")).hasMessage("an integer 0..65535");
        assertThatThrownBy(() -> port.parse("true")).hasMessage("an integer 0..65535");
    }

    @Test
    void threadCount_auto_isTheProcessorCount() {
        ThreadCount threads = new ThreadCount(1024);

        assertThat(threads.parse("auto")).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(threads.parse("4")).isEqualTo(4);
        assertThatThrownBy(() -> threads.parse("0")).hasMessage("auto or an integer 1..1024");
    }

    @Test
    void hostAddress_ipv4Ipv6AndNames_areAccepted() {
        PatternText host = PatternText.hostAddress();

        assertThat(host.parse("0.0.0.0")).isEqualTo("0.0.0.0");
        assertThat(host.parse("::")).isEqualTo("::");
        assertThat(host.parse("broker.local")).isEqualTo("broker.local");
        assertThatThrownBy(() -> host.parse("")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> host.parse("a b")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void directoryPath_blank_isRejected() {
        DirectoryPath path = new DirectoryPath();

        assertThat(path.parse("./data")).isEqualTo(Path.of("./data"));
        assertThatThrownBy(() -> path.parse("  ")).hasMessage("a directory path");
        assertThatThrownBy(() -> path.parse("a\0b")).hasMessageStartingWith("a valid directory path");
    }

    @Test
    void configKey_environmentVariable_isDerivedFromTheName() {
        assertThat(ConfigKeys.LIMITS_MAX_PACKET_SIZE.environmentVariable())
                .isEqualTo("TERNMQ_LIMITS_MAX_PACKET_SIZE");
        assertThat(ConfigKeys.STORAGE_DATA_DIR.environmentVariable()).isEqualTo("TERNMQ_STORAGE_DATA_DIR");
    }
}
