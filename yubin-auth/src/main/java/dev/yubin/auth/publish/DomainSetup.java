package dev.yubin.auth.publish;

import java.security.PublicKey;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What an operator publishes for one mail domain.
 *
 * @param domain the mail domain (A-label form)
 * @param mailHost our host name: MX target, and target of mta-sts/autoconfig names
 * @param dkimKeys the DKIM selectors and public keys to publish (active and still-published old ones)
 * @param reportAddress where DMARC and TLS-RPT reports go (e.g. postmaster@domain)
 * @param mtaStsPolicyId the id= of the current MTA-STS policy (RFC 8461 §3.1), changed with the policy
 * @param mtaStsMode enforce, testing or none
 */
public record DomainSetup(String domain, String mailHost, List<DkimPublication> dkimKeys, String reportAddress,
                          String mtaStsPolicyId, MtaStsMode mtaStsMode) {

    /** A DKIM public key under a selector. */
    public record DkimPublication(String selector, PublicKey publicKey) {
        public DkimPublication {
            Objects.requireNonNull(selector);
            Objects.requireNonNull(publicKey);
        }
    }

    /** RFC 8461 §5 policy modes. */
    public enum MtaStsMode {
        ENFORCE, TESTING, NONE;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DomainSetup {
        domain = strip(domain);
        mailHost = strip(mailHost);
        dkimKeys = List.copyOf(dkimKeys);
        if (!mtaStsPolicyId.matches("[A-Za-z0-9]{1,32}")) {
            throw new IllegalArgumentException("MTA-STS id is 1..32 letters and digits (RFC 8461 §3.1)");
        }
        Objects.requireNonNull(reportAddress);
        Objects.requireNonNull(mtaStsMode);
    }

    private static String strip(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
