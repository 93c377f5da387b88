package io.ternmq.e2e.transports;

import io.ternmq.testkit.TestCertificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** One set of generated test certificates per test JVM: generating is cheap, but brokers start in static fields. */
final class SharedCertificates {

    private static final TestCertificates CERTIFICATES = generate();

    private SharedCertificates() {
    }

    static TestCertificates get() {
        return CERTIFICATES;
    }

    private static TestCertificates generate() {
        try {
            var directory = Files.createTempDirectory("ternmq-certs");
            directory.toFile().deleteOnExit();
            return TestCertificates.create(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
