package io.ternmq.server.cli;

import picocli.CommandLine.IVersionProvider;

/** Answers {@code ternmq --version} the same way {@code ternmq version} does. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"TernMQ " + Version.current(), Version.runtime()};
    }
}
