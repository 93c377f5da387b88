package io.ternmq.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of the running broker: from the jar manifest, else from the pom.properties Maven packs into every
 * jar, else "dev" (classes straight from the build directory, as in tests and IDEs).
 */
final class BrokerVersion {

    private static final String POM_PROPERTIES = "/META-INF/maven/io.ternmq/ternmq-server/pom.properties";
    private static final String CURRENT = lookUp();

    private BrokerVersion() {
    }

    static String current() {
        return CURRENT;
    }

    private static String lookUp() {
        String fromManifest = Broker.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        try (InputStream in = Broker.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                var properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "");
                if (!version.isBlank()) {
                    return version;
                }
            }
        } catch (IOException e) {
            // An unreadable jar entry only costs us the version string.
        }
        return "dev";
    }
}
