package io.ternmq.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/** The top-level {@code ternmq} command; on its own it only explains its subcommands. */
@Command(name = "ternmq", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "TernMQ, an MQTT broker for the JVM.",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:startup failure (one line on stderr; --verbose adds the stack trace)",
                "2:usage error"},
        footer = {"", "The launcher script also runs './ternmq test': build and run every test."})
public final class TernmqCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private TernmqCommand() {
    }

    /** The full command line; {@code environment} supplies the {@code TERNMQ_*} settings (tests pass their own). */
    public static CommandLine create(Map<String, String> environment) {
        return create(environment, PasswordInput.system());
    }

    /** With the source of passwords {@code ternmq passwd} reads (tests pass their own stdin and no console). */
    static CommandLine create(Map<String, String> environment, PasswordInput passwords) {
        CommandLine commandLine = new CommandLine(new TernmqCommand());
        commandLine.addSubcommand(new StartCommand(environment));
        commandLine.addSubcommand(new PasswdCommand(passwords));
        commandLine.addSubcommand(new VersionCommand());
        commandLine.addSubcommand(new HelpCommand());
        commandLine.setExecutionExceptionHandler(new StartupFailureHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        return commandLine;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
