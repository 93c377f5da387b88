package io.ternmq.transport;

import org.jspecify.annotations.Nullable;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/** Takes the identity a verified client certificate proves: its subject CN, or its first name-like SAN. */
final class CertificateIdentities {

    /** SAN kinds that name a client: rfc822Name (e-mail), dNSName and uniformResourceIdentifier (RFC 5280). */
    private static final List<Integer> NAME_LIKE_SAN_KINDS = List.of(1, 2, 6);

    private CertificateIdentities() {
    }

    static @Nullable String of(X509Certificate certificate, CertificateIdentity source) {
        return switch (source) {
            case NONE -> null;
            case COMMON_NAME -> commonName(certificate.getSubjectX500Principal());
            case SUBJECT_ALT_NAME -> subjectAltName(certificate);
        };
    }

    static @Nullable String commonName(X500Principal subject) {
        try {
            // The most specific CN comes last in RFC 2253 order, which LdapName lists first-to-last reversed.
            List<Rdn> rdns = new LdapName(subject.getName(X500Principal.RFC2253)).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (rdns.get(i).getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdns.get(i).getValue());
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    private static @Nullable String subjectAltName(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return null;
        }
        if (names == null) {
            return null;
        }
        for (List<?> name : names) {
            if (name.size() >= 2 && NAME_LIKE_SAN_KINDS.contains(name.get(0)) && name.get(1) instanceof String value) {
                return value;
            }
        }
        return null;
    }
}
