/**
 * The {@code ternmq} command line: parses arguments with picocli, loads the configuration, runs the broker until
 * the process is asked to stop, and turns every failure into an exit code and one line on stderr.
 */
@NullMarked
package io.ternmq.server.cli;

import org.jspecify.annotations.NullMarked;
