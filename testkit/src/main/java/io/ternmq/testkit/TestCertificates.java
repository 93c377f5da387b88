package io.ternmq.testkit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Certificates made when a test runs, never checked in: a CA, a server certificate for localhost and 127.0.0.1,
 * a client certificate from that CA, and a client certificate from a CA the broker does not know. EC P-256 keys,
 * as they are generated in milliseconds. Each is written as PEM (certificate, PKCS#8 key) into a directory.
 */
public final class TestCertificates {

    /** The password of {@link #encryptedServerKey()}. */
    public static final String KEY_PASSWORD = "s3cret-test-password";
    public static final String CLIENT_COMMON_NAME = "device-17";
    public static final String CLIENT_ALT_NAME = "device-17.devices.example";

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final Path directory;
    private final Issued ca;
    private final Issued server;
    private final Issued client;
    private final Issued unknownCa;
    private final Issued unknownClient;
    private final Path encryptedServerKey;

    /** A certificate with its key, and where both were written. */
    public record Issued(X509Certificate certificate, PrivateKey key, Path certificateFile, Path keyFile) {
    }

    private TestCertificates(Path directory) throws GeneralSecurityException, IOException {
        this.directory = directory;
        this.ca = issue("ca", "TernMQ Test CA", null, null, Role.AUTHORITY);
        this.server = issue("server", "localhost", ca, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}), Role.LEAF);
        this.client = issue("client", CLIENT_COMMON_NAME, ca,
                new GeneralNames(new GeneralName(GeneralName.dNSName, CLIENT_ALT_NAME)), Role.LEAF);
        this.unknownCa = issue("unknown-ca", "Unknown CA", null, null, Role.AUTHORITY);
        this.unknownClient = issue("unknown-client", "intruder", unknownCa, null, Role.LEAF);
        this.encryptedServerKey = directory.resolve("server-encrypted.key");
        Files.writeString(encryptedServerKey, encryptedPem(server.key()));
    }

    public static TestCertificates create(Path directory) {
        try {
            Files.createDirectories(directory);
            return new TestCertificates(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate test certificates", e);
        }
    }

    public Issued ca() {
        return ca;
    }

    public Issued server() {
        return server;
    }

    public Issued client() {
        return client;
    }

    public Issued unknownClient() {
        return unknownClient;
    }

    /** The server key as encrypted PKCS#8 (PBES2, AES-256-CBC), password {@link #KEY_PASSWORD}. */
    public Path encryptedServerKey() {
        return encryptedServerKey;
    }

    /** Another server certificate for localhost from the same CA, with its own key and serial, for reload tests. */
    public Issued newServer(String name) {
        try {
            return issue(name, "localhost", ca, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}), Role.LEAF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a test certificate", e);
        }
    }

    /** Trusts the test CA only. */
    public TrustManagerFactory trustManagers() {
        return trustManagers(ca);
    }

    /** Trusts only the CA the broker does not know: such a client refuses the broker's certificate. */
    public TrustManagerFactory unknownCaTrustManagers() {
        return trustManagers(unknownCa);
    }

    private static TrustManagerFactory trustManagers(Issued authority) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", authority.certificate());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Presents {@code identity} as the client certificate. */
    public KeyManagerFactory keyManagers(Issued identity) {
        try {
            char[] password = "pw".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", identity.key(), password, new X509Certificate[] {identity.certificate()});
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts the test CA and presents no certificate. */
    public SSLContext clientContext() {
        return context(null);
    }

    /** A client context that trusts the test CA and presents {@code identity}. */
    public SSLContext clientContext(Issued identity) {
        return context(identity);
    }

    private SSLContext context(@Nullable Issued identity) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(identity == null ? null : keyManagers(identity).getKeyManagers(),
                    trustManagers().getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private enum Role { AUTHORITY, LEAF }

    private Issued issue(String name, String commonName, @Nullable Issued issuer, @Nullable GeneralNames altNames,
                         Role role)
            throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + commonName + ",O=TernMQ Tests");
        X500Name issuerName = issuer == null ? subject
                : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(2))), subject, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(role == Role.AUTHORITY));
        if (altNames != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, altNames);
        }
        PrivateKey signingKey = issuer == null ? pair.getPrivate() : issuer.key();
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
        Path certificateFile = directory.resolve(name + ".pem");
        Path keyFile = directory.resolve(name + ".key");
        Files.writeString(certificateFile, pem(certificate));
        Files.writeString(keyFile, pem(new JcaPKCS8Generator(pair.getPrivate(), null).generate()));
        return new Issued(certificate, pair.getPrivate(), certificateFile, keyFile);
    }

    /** PBES2 with AES-256-CBC, what {@code openssl pkcs8 -topk8} writes. */
    private static String encryptedPem(PrivateKey key) throws IOException {
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setProvider(new BouncyCastleProvider())
                    .setPassword(KEY_PASSWORD.toCharArray())
                    .build();
            return pem(new JcaPKCS8Generator(key, encryptor).generate());
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new IOException(e);
        }
    }

    private static String pem(Object value) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(value);
        }
        return text.toString();
    }
}
