package io.ternmq.server.cli;

import org.jspecify.annotations.Nullable;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Where {@code ternmq passwd} reads a password: the terminal without echo, or the first line of stdin. */
record PasswordInput(@Nullable Console console, InputStream stdin) {

    static PasswordInput system() {
        return new PasswordInput(System.console(), System.in);
    }

    /** Prompts on the terminal; null when there is none (a script must use --stdin or -b). */
    char @Nullable [] fromConsole(String prompt) {
        return console == null ? null : console.readPassword("%s", prompt);
    }

    /** The first line of stdin without its line break; null at end of input. */
    @Nullable String firstLineOfStdin() throws IOException {
        // not closed: closing would close System.in for the rest of the process
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        return reader.readLine();
    }
}
