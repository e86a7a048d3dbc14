package dev.yubin.auth.mtasts;

import dev.yubin.dns.TlsaRecord;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Matches a server's certificate chain against TLSA records for SMTP DANE (RFC 7672 §3.1,
 * RFC 6698 §2.1): DANE-EE(3) against the leaf, DANE-TA(2) against the chain's issuers.
 * PKIX-TA(0) and PKIX-EE(1) are unusable for SMTP (RFC 7672 §3.1.3) and ignored. The TLSA
 * records must come from a DNSSEC-authenticated answer ({@code DnsResult.isSecure()}).
 */
public final class DaneMatcher {

    /** Whether the TLSA set allows the chain, and how. */
    public enum Match {
        /** A DANE-EE record matches the leaf: accept regardless of names and dates (RFC 7672 §3.1.1). */
        END_ENTITY,
        /** A DANE-TA record matches an issuer in the chain: the caller still checks the chain to it and the name (RFC 7672 §3.1.2). */
        TRUST_ANCHOR,
        /** Usable records exist but none matches: do not deliver (RFC 7672 §2.2). */
        NONE,
        /** No usable record (only PKIX usages or unknown parameters): DANE does not apply. */
        UNUSABLE
    }

    private DaneMatcher() {
    }

    public static Match match(List<TlsaRecord> records, List<X509Certificate> chain) {
        boolean usable = false;
        for (TlsaRecord r : records) {
            if ((r.usage() != 2 && r.usage() != 3) || r.selector() > 1 || r.matchingType() > 2) {
                continue;
            }
            usable = true;
            if (r.usage() == 3 && !chain.isEmpty() && matches(r, chain.get(0))) {
                return Match.END_ENTITY;
            }
        }
        for (TlsaRecord r : records) {
            if (r.usage() == 2 && r.selector() <= 1 && r.matchingType() <= 2) {
                for (int i = 1; i < chain.size(); i++) {
                    if (matches(r, chain.get(i))) {
                        return Match.TRUST_ANCHOR;
                    }
                }
            }
        }
        return usable ? Match.NONE : Match.UNUSABLE;
    }

    /** RFC 6698 §2.1.2-§2.1.3: selector 0 = whole certificate, 1 = SubjectPublicKeyInfo; matching 0 exact, 1 SHA-256, 2 SHA-512. */
    static boolean matches(TlsaRecord r, X509Certificate cert) {
        try {
            byte[] selected = r.selector() == 0 ? cert.getEncoded() : cert.getPublicKey().getEncoded();
            byte[] value = switch (r.matchingType()) {
                case 0 -> selected;
                case 1 -> MessageDigest.getInstance("SHA-256").digest(selected);
                default -> MessageDigest.getInstance("SHA-512").digest(selected);
            };
            return MessageDigest.isEqual(value, r.data());
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            return false;
        }
    }
}
