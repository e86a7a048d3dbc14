package dev.yubin.auth;

import dev.yubin.auth.dkim.DkimVerifier;
import dev.yubin.auth.spf.SpfLimits;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of inbound message authentication, each declared once with its default.
 *
 * @param authservId our authserv-id in Authentication-Results (RFC 8601 §2.5), e.g. the MX host name
 * @param dmarcEnforcement what DMARC failures do (default {@link DmarcEnforcement#FOLLOW_POLICY})
 * @param spfLimits SPF processing limits (default RFC 7208 §4.6.4)
 * @param dkimLimits DKIM limits (default 10 signatures, RSA >= 1024 bits)
 * @param trustedArcSealers ARC sealer domains (lower case) whose recorded {@code dmarc=pass}
 *     overrides a DMARC failure here (RFC 8617 §7.2; default none)
 */
public record AuthSettings(String authservId, DmarcEnforcement dmarcEnforcement, SpfLimits spfLimits,
                           DkimVerifier.Limits dkimLimits, Set<String> trustedArcSealers) {

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
        trustedArcSealers = trustedArcSealers.stream().map(d -> d.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Trusting no ARC sealer. */
    public AuthSettings(String authservId, DmarcEnforcement dmarcEnforcement, SpfLimits spfLimits,
                        DkimVerifier.Limits dkimLimits) {
        this(authservId, dmarcEnforcement, spfLimits, dkimLimits, Set.of());
    }

    /** These settings trusting the ARC seals of {@code sealers}. */
    public AuthSettings withTrustedArcSealers(Set<String> sealers) {
        return new AuthSettings(authservId, dmarcEnforcement, spfLimits, dkimLimits, sealers);
    }

    /** The defaults, with our host name as authserv-id. */
    public static AuthSettings defaults(String authservId) {
        return new AuthSettings(authservId, DmarcEnforcement.FOLLOW_POLICY, SpfLimits.RFC7208, DkimVerifier.Limits.DEFAULT);
    }
}
