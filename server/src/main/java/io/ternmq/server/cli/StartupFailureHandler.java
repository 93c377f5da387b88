package io.ternmq.server.cli;

import io.ternmq.server.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * Turns a failure while running a command into exit code 1 and one line on stderr. The stack trace is for
 * developers: it appears only with {@code --verbose} or when this logger is at DEBUG.
 */
final class StartupFailureHandler implements IExecutionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StartupFailureHandler.class);
    static final int STARTUP_FAILURE = 1;

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("ternmq: " + oneLine(failure));
        if (verbose(parseResult) || log.isDebugEnabled()) {
            failure.printStackTrace(err);
        }
        err.flush();
        return STARTUP_FAILURE;
    }

    private static String oneLine(Exception failure) {
        String message = failure instanceof ConfigException || failure instanceof StartupException
                || failure instanceof CommandFailedException
                ? failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return String.join(" ", String.valueOf(message).strip().split("\\R\\s*"));
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
