package dev.yubin.auth.dkim;

import java.util.Locale;
import java.util.Objects;

/**
 * The verdict on one DKIM-Signature (RFC 6376 §6.1, result names of RFC 8601 §2.7.1).
 *
 * @param status the outcome
 * @param domain d= ("" when the signature could not be parsed)
 * @param selector s=
 * @param identity i=
 * @param algorithm a= value
 * @param headerB the first 12 characters of b=, to tell signatures apart (RFC 6008)
 * @param reason a human-readable explanation ("" for a clean pass)
 * @param testing the key has t=y: the signer is testing, results should not be acted on
 */
public record DkimResult(Status status, String domain, String selector, String identity, String algorithm,
                         String headerB, String reason, boolean testing) {

    /** RFC 8601 §2.7.1 words. POLICY: cryptographically valid but not acceptable here (e.g. l= with unsigned content). */
    public enum Status {
        PASS, FAIL, POLICY, NEUTRAL, TEMPERROR, PERMERROR;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DkimResult {
        Objects.requireNonNull(status);
        Objects.requireNonNull(domain);
        Objects.requireNonNull(selector);
        Objects.requireNonNull(identity);
        Objects.requireNonNull(algorithm);
        Objects.requireNonNull(headerB);
        Objects.requireNonNull(reason);
    }

    static DkimResult of(Status status, DkimSignature s, String reason, boolean testing) {
        String b = s.bBase64();
        return new DkimResult(status, s.domain(), s.selector(), s.identity(), s.algorithm().tag(),
                b.substring(0, Math.min(12, b.length())), reason, testing);
    }

    static DkimResult unparsed(String reason) {
        return new DkimResult(Status.PERMERROR, "", "", "", "", "", reason, false);
    }

    public boolean isPass() {
        return status == Status.PASS;
    }
}
