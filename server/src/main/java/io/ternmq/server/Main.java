package io.ternmq.server;

import io.ternmq.server.cli.TernmqCommand;

/** Entry point of the {@code ternmq} command (the launcher script runs this class). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(TernmqCommand.create(System.getenv()).execute(args));
    }
}
