package io.ternmq.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Runtime log level changes for {@code --verbose}; a no-op when slf4j is not bound to logback. */
final class LogLevels {

    private LogLevels() {
    }

    static void debugTernmq() {
        ternmq("DEBUG");
    }

    /** Sets the level of every io.ternmq logger ({@code log.level}); ERROR, WARN, INFO, DEBUG or TRACE. */
    static void ternmq(String level) {
        if (LoggerFactory.getLogger("io.ternmq") instanceof Logger logger) {
            logger.setLevel(Level.toLevel(level, Level.INFO));
        }
    }
}
