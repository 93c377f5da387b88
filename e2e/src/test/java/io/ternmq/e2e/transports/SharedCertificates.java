package io.ternmq.e2e.transports;

import io.ternmq.e2e.TempDirectories;
import io.ternmq.testkit.TestCertificates;

/** One set of generated test certificates per test JVM: generating is cheap, but brokers start in static fields. */
final class SharedCertificates {

    private static final TestCertificates CERTIFICATES = generate();

    private SharedCertificates() {
    }

    static TestCertificates get() {
        return CERTIFICATES;
    }

    private static TestCertificates generate() {
        return TestCertificates.create(TempDirectories.create("ternmq-certs"));
    }
}
