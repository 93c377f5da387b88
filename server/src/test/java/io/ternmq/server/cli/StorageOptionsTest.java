package io.ternmq.server.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorageOptionsTest {

    @Test
    void dryRun_noFlags_walAndStopByDefault() {
        CliRun run = CliRun.of("start", "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("storage\\.mode += wal  \\(default\\)")
                .containsPattern("storage\\.on_corrupt += stop  \\(default\\)");
    }

    @Test
    void dryRun_storageFlags_setModeAndMoveAside() {
        CliRun run = CliRun.of("start", "--dry-run", "--storage-mode", "FSYNC", "--recover-move-aside");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("storage\\.mode += fsync  \\(option --storage-mode\\)")
                .containsPattern("storage\\.on_corrupt += move-aside  \\(option --recover-move-aside\\)");
    }

    @Test
    void start_unknownStorageMode_exitsOneNamingTheChoices() {
        CliRun run = CliRun.of("start", "--dry-run", "--storage-mode", "disk");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("storage.mode").contains("wal, fsync, memory");
    }

    @Test
    void dryRun_maxPendingWrites_defaultAndSetWithUnit() {
        assertThat(CliRun.of("start", "--dry-run").out())
                .containsPattern("storage\\.max_pending_writes += 67108864  \\(default\\)");

        CliRun run = CliRun.of("start", "--dry-run", "--set", "storage.max_pending_writes=8MiB");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("storage\\.max_pending_writes += 8388608");
    }

    @Test
    void start_maxPendingWritesBelowOneMebibyte_exitsOneNamingTheKey() {
        CliRun run = CliRun.of("start", "--dry-run", "--set", "storage.max_pending_writes=1KB");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("storage.max_pending_writes");
    }
}
