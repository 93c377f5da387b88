package io.ternmq.server.cli;

import io.ternmq.server.config.ConfigKey;
import io.ternmq.server.config.ConfigKeys;
import io.ternmq.server.config.ConfigLoader;
import io.ternmq.server.config.EffectiveConfig;
import io.ternmq.server.config.Origin;
import io.ternmq.server.config.RawValue;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ternmq start}: loads the configuration, starts the broker and serves until SIGTERM or Ctrl-C. */
@Command(name = "start", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Start the broker and serve until stopped (SIGTERM or Ctrl-C stop it cleanly).",
                "Settings, later ones winning: embedded defaults < --config file < TERNMQ_* environment "
                        + "variables < flags."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly", "1:startup failure", "2:usage error"},
        footer = {"", "Every configuration key, its default and its TERNMQ_* variable: README.md, Configuration."})
final class StartCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration file (ternmq.yaml).")
    private @Nullable Path configFile;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "TCP port to listen on (listener.port).")
    private @Nullable Integer port;

    @Option(names = {"-b", "--bind"}, paramLabel = "ADDRESS", description = "Address to bind to (listener.bind).")
    private @Nullable String bind;

    @Option(names = {"-d", "--data-dir"}, paramLabel = "DIR", description = "Data directory (storage.data_dir).")
    private @Nullable String dataDir;

    @Option(names = "--storage-mode", paramLabel = "MODE", description = "wal, fsync or memory (storage.mode).")
    private @Nullable String storageMode;

    @Option(names = "--recover-move-aside", description = "If the data directory is unreadable, rename it aside with "
            + "a timestamp and start empty (storage.on_corrupt=move-aside).")
    private boolean recoverMoveAside;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "Set any configuration key, e.g. --set limits.max_packet_size=1MB (repeatable).")
    private Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--dry-run", description = "Validate the configuration, print the effective settings and exit.")
    private boolean dryRun;

    @Option(names = {"-v", "--verbose"}, description = "Log TernMQ at DEBUG and print stack traces of failures.")
    private boolean verbose;

    private final Map<String, String> environment;

    StartCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (verbose) {
            LogLevels.debugTernmq(); // before loading, so that loading itself is logged at DEBUG
        }
        EffectiveConfig effective = ConfigLoader.load(configFile, environment, flags());
        LogLevels.ternmq(verbose ? "DEBUG" : effective.config().log().level());
        if (dryRun) {
            PrintWriter out = spec.commandLine().getOut();
            effective.describe().forEach(out::println);
            out.flush();
            return 0;
        }
        try (BrokerService service = BrokerService.start(effective);
             StopSignal term = StopSignal.install(service::close)) {
            // Ctrl-C (SIGINT), and SIGTERM where no handler could be installed, stop through the hook (exit 130/143)
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "ternmq-shutdown"));
            service.awaitStop();
        }
        return 0;
    }

    /** {@code --set} first, so that the dedicated flags win when both name the same key. */
    private Map<ConfigKey<?>, RawValue> flags() {
        Map<ConfigKey<?>, RawValue> flags = new LinkedHashMap<>();
        settings.forEach((name, text) -> {
            Origin origin = new Origin.CommandLineOption("--set " + name);
            flags.put(ConfigKeys.require(name, origin), new RawValue(text, origin));
        });
        if (port != null) {
            flags.put(ConfigKeys.LISTENER_PORT, new RawValue(port.toString(), new Origin.CommandLineOption("--port")));
        }
        if (bind != null) {
            flags.put(ConfigKeys.LISTENER_BIND, new RawValue(bind, new Origin.CommandLineOption("--bind")));
        }
        if (dataDir != null) {
            flags.put(ConfigKeys.STORAGE_DATA_DIR, new RawValue(dataDir, new Origin.CommandLineOption("--data-dir")));
        }
        if (storageMode != null) {
            flags.put(ConfigKeys.STORAGE_MODE,
                    new RawValue(storageMode, new Origin.CommandLineOption("--storage-mode")));
        }
        if (recoverMoveAside) {
            flags.put(ConfigKeys.STORAGE_ON_CORRUPT,
                    new RawValue("move-aside", new Origin.CommandLineOption("--recover-move-aside")));
        }
        return flags;
    }
}
