package io.ternmq.store.rocksdb;

import io.ternmq.store.StorageMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NativeLibraryTest {

    private static final Path TEMP = Path.of("/tmp");

    @TempDir
    Path dir;

    @Test
    void unpackedCopies_oneCopyMappedInSeveralSegments_namedOnce() {
        List<String> map = List.of(
                "7f10a0000000-7f10a0400000 r--p 00000000 fe:00 4242     /tmp/librocksdbjni8031416974.so",
                "7f10a0400000-7f10a0e00000 r-xp 00400000 fe:00 4242     /tmp/librocksdbjni8031416974.so",
                "7f10a0e00000-7f10a0e80000 rw-p 00e00000 fe:00 4242     /tmp/librocksdbjni8031416974.so");

        assertThat(NativeLibrary.unpackedCopies(map, TEMP))
                .containsExactly(Path.of("/tmp/librocksdbjni8031416974.so"));
    }

    @Test
    void unpackedCopies_removedOtherDirectoryFixedNameOrAnonymous_notNamed() {
        List<String> map = List.of(
                "7f10a0000000-7f10a0400000 r-xp 00000000 fe:00 4242     /tmp/librocksdbjni11.so (deleted)",
                "7f10a1000000-7f10a1400000 r-xp 00000000 fe:00 4243     /opt/broker/librocksdbjni12.so",
                "7f10a2000000-7f10a2400000 r-xp 00000000 fe:00 4244     /tmp/librocksdbjni-linux64.so",
                "7f10a3000000-7f10a3400000 r-xp 00000000 fe:00 4245     /tmp/libnetty_transport_native_epoll13.so",
                "7f10a4000000-7f10a4021000 rw-p 00000000 00:00 0        [heap]",
                "7f10a5000000-7f10a5021000 rw-p 00000000 00:00 0 ");

        assertThat(NativeLibrary.unpackedCopies(map, TEMP)).isEmpty();
    }

    @Test
    void removeUnpackedCopies_removesOnlyTheMappedCopy() throws IOException {
        Path copy = Files.createFile(dir.resolve("librocksdbjni77.so"));
        Path notMapped = Files.createFile(dir.resolve("librocksdbjni78.so"));
        Path operators = Files.createFile(dir.resolve("librocksdbjni-linux64.so"));
        Path map = Files.write(dir.resolve("maps"), List.of(
                "7f10a0000000-7f10a0400000 r-xp 00000000 fe:00 4242     " + copy.toRealPath(),
                "7f10a2000000-7f10a2400000 r-xp 00000000 fe:00 4244     " + operators.toRealPath()));

        NativeLibrary.removeUnpackedCopies(map, dir);

        assertThat(copy).doesNotExist();
        assertThat(notMapped).exists();
        assertThat(operators).exists();
    }

    @Test
    void removeUnpackedCopies_unreadableMap_leavesFilesAndDoesNotThrow() throws IOException {
        Path copy = Files.createFile(dir.resolve("librocksdbjni77.so"));

        NativeLibrary.removeUnpackedCopies(dir.resolve("no-such-map"), dir);

        assertThat(copy).exists();
    }

    @Test
    @EnabledOnOs(OS.LINUX) // the process's memory map is read from /proc
    void load_thisProcessMapsNoUnpackedCopyThatStillExists_andStorageStillOpens() throws IOException {
        NativeLibrary.load();

        List<String> map = Files.readAllLines(Path.of("/proc/self/maps"));
        Path realTemp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        assertThat(map).anyMatch(line -> line.contains("librocksdbjni"));
        assertThat(NativeLibrary.unpackedCopies(map, realTemp)).isEmpty();
        try (var storage = RocksStorage.open(dir.resolve("data"), StorageMode.WAL)) {
            assertThat(storage.sessions()).isNotNull();
        }
    }
}
