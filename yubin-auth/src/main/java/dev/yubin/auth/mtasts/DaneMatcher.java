package dev.yubin.auth.mtasts;

import dev.yubin.dns.TlsaRecord;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** The outcome of {@link #authenticate}. */
    public sealed interface Verdict permits Authenticated, Rejected {
    }

    /** The chain is authenticated by a DANE-EE or DANE-TA record. */
    public record Authenticated(Match how) implements Verdict {
    }

    /** The chain is not authenticated: the client must not deliver to this server (RFC 7672 §2.2). */
    public record Rejected(String reason) implements Verdict {
    }

    private DaneMatcher() {
    }

    /** Whether the set holds at least one record usable for SMTP (usage 2 or 3, known selector and matching type). */
    public static boolean hasUsable(List<TlsaRecord> records) {
        return records.stream().anyMatch(DaneMatcher::usable);
    }

    private static boolean usable(TlsaRecord r) {
        return (r.usage() == 2 || r.usage() == 3) && r.selector() <= 1 && r.matchingType() <= 2;
    }

    /**
     * Authenticates a server chain (leaf first) with TLSA records for SMTP: a DANE-EE(3) match on
     * the leaf is enough, without name or date checks (RFC 7672 §3.1.1); a DANE-TA(2) match on an
     * issuer needs a valid chain from the leaf to that trust anchor at {@code now} and the leaf's
     * names to match {@code hostname}, the MX host (RFC 7672 §3.1.2, §3.2.2).
     */
    public static Verdict authenticate(List<TlsaRecord> records, List<X509Certificate> chain, String hostname,
                                       Instant now) {
        if (chain.isEmpty()) {
            return new Rejected("the server sent no certificate");
        }
        for (TlsaRecord r : records) {
            if (r.usage() == 3 && usable(r) && matches(r, chain.get(0))) {
                return new Authenticated(Match.END_ENTITY);
            }
        }
        for (int i = 1; i < chain.size(); i++) {
            for (TlsaRecord r : records) {
                if (r.usage() == 2 && usable(r) && matches(r, chain.get(i))) {
                    Optional<String> problem = chainProblem(chain.subList(0, i), chain.get(i), now);
                    if (problem.isPresent()) {
                        return new Rejected("DANE-TA chain invalid: " + problem.get());
                    }
                    if (!CertificateNames.matches(chain.get(0), hostname)) {
                        return new Rejected("certificate names do not match " + hostname); // RFC 7672 §3.2.2
                    }
                    return new Authenticated(Match.TRUST_ANCHOR);
                }
            }
        }
        return new Rejected(hasUsable(records) ? "no TLSA record matches the certificate chain"
                : "no usable TLSA record");
    }

    /** PKIX path validation from the leaf up to a DANE-TA trust anchor, without revocation checks. */
    private static Optional<String> chainProblem(List<X509Certificate> path, X509Certificate anchor, Instant now) {
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters params = new PKIXParameters(Set.of(
                    new TrustAnchor(anchor.getSubjectX500Principal(), anchor.getPublicKey(), null)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(certPath, params);
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
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
