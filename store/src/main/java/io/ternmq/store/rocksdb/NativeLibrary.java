package io.ternmq.store.rocksdb;

import org.rocksdb.RocksDB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads RocksDB's native library once per JVM, then removes the copy RocksDB unpacked into the temporary directory.
 * RocksDB deletes that 15 MB file only when the JVM exits normally, so every broker that was killed (kill -9, the
 * OOM killer, a lost power supply) left one behind, and a broker that restarts after crashes filled /tmp. On Linux a
 * loaded library stays mapped after its file is removed, and the process's memory map names the copy it loaded, so
 * the file can go at once and only this process's own copy is touched.
 */
final class NativeLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(NativeLibrary.class);
    private static final Path MEMORY_MAP = Path.of("/proc/self/maps");
    /**
     * The names {@code File.createTempFile} gives RocksDB's copies. With ROCKSDB_SHAREDLIB_DIR set, RocksDB uses one
     * fixed name in that directory instead and rewrites it at every start: such a copy is the operator's and stays.
     */
    private static final Pattern UNPACKED_COPY = Pattern.compile("librocksdbjni\\d+\\.so");
    private static final String REMOVED_MARK = " (deleted)";

    private static boolean loaded;

    private NativeLibrary() {
    }

    static synchronized void load() {
        if (loaded) {
            return;
        }
        RocksDB.loadLibrary();
        loaded = true;
        if (Files.isReadable(MEMORY_MAP)) {
            removeUnpackedCopies(MEMORY_MAP, Path.of(System.getProperty("java.io.tmpdir")));
        }
    }

    /** Removes the copies in {@code tempDir} that {@code memoryMap} shows mapped; a failure is logged, not thrown. */
    static void removeUnpackedCopies(Path memoryMap, Path tempDir) {
        try {
            for (Path copy : unpackedCopies(Files.readAllLines(memoryMap), tempDir.toRealPath())) {
                Files.deleteIfExists(copy);
                LOG.debug("removed RocksDB's unpacked native library {} (it stays mapped)", copy);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove RocksDB's unpacked native library from {}; it is removed at a normal exit: {}",
                    tempDir, e.toString());
        }
    }

    /**
     * The files in {@code realTempDir} named as RocksDB's unpacked copies that lines of a memory map (the format of
     * {@code /proc/<pid>/maps}) show mapped and not yet removed, each once.
     */
    static List<Path> unpackedCopies(List<String> memoryMapLines, Path realTempDir) {
        Set<Path> copies = new LinkedHashSet<>();
        for (String line : memoryMapLines) {
            int pathStart = line.indexOf('/'); // the fields before the path hold no slash
            if (pathStart < 0 || line.endsWith(REMOVED_MARK)) {
                continue;
            }
            Path mapped = Path.of(line.substring(pathStart));
            if (realTempDir.equals(mapped.getParent())
                    && UNPACKED_COPY.matcher(mapped.getFileName().toString()).matches()) {
                copies.add(mapped);
            }
        }
        return List.copyOf(copies);
    }
}
