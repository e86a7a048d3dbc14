package dev.yubin.auth;

import dev.yubin.auth.dkim.DkimVerifier;
import dev.yubin.auth.spf.SpfLimits;
import java.util.Objects;

/**
 * Settings of inbound message authentication, each declared once with its default.
 *
 * @param authservId our authserv-id in Authentication-Results (RFC 8601 §2.5), e.g. the MX host name
 * @param dmarcEnforcement what DMARC failures do (default {@link DmarcEnforcement#FOLLOW_POLICY})
 * @param spfLimits SPF processing limits (default RFC 7208 §4.6.4)
 * @param dkimLimits DKIM limits (default 10 signatures, RSA >= 1024 bits)
 */
public record AuthSettings(String authservId, DmarcEnforcement dmarcEnforcement, SpfLimits spfLimits,
                           DkimVerifier.Limits dkimLimits) {

    /** How DMARC results turn into dispositions. */
    public enum DmarcEnforcement {
        /** p=reject refuses, p=quarantine delivers to Junk (issue 6 default). */
        FOLLOW_POLICY,
        /** p=reject failures are quarantined instead of refused. */
        QUARANTINE_INSTEAD_OF_REJECT,
        /** Results are recorded in Authentication-Results only; nothing is refused or quarantined. */
        MONITOR
    }

    public AuthSettings {
        Objects.requireNonNull(authservId);
        Objects.requireNonNull(dmarcEnforcement);
        Objects.requireNonNull(spfLimits);
        Objects.requireNonNull(dkimLimits);
    }

    /** The defaults, with our host name as authserv-id. */
    public static AuthSettings defaults(String authservId) {
        return new AuthSettings(authservId, DmarcEnforcement.FOLLOW_POLICY, SpfLimits.RFC7208, DkimVerifier.Limits.DEFAULT);
    }
}
