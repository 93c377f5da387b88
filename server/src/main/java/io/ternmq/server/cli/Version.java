package io.ternmq.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The TernMQ version, written into a resource by the Maven build (resource filtering). */
final class Version {

    static final String RESOURCE = "io/ternmq/server/version.properties";

    private Version() {
    }

    static String current() {
        Properties properties = new Properties();
        try (InputStream input = Version.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (input == null) {
                return "unknown";
            }
            properties.load(input);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return properties.getProperty("version", "unknown");
    }

    static String runtime() {
        return "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
