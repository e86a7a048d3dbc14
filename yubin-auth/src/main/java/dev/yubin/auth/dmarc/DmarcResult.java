package dev.yubin.auth.dmarc;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The DMARC evaluation of one message (RFC 7489 §6.6).
 *
 * @param status the RFC 8601 §2.7.4 result word
 * @param fromDomain the RFC5322.From domain ("" when ambiguous)
 * @param record the policy record found, if any
 * @param recordDomain where it was found (the From domain or its organisational domain)
 * @param policy p= or sp= that applies, NONE when no record or pass
 * @param disposition what the receiver should do after pct= sampling (RFC 7489 §6.6.4)
 * @param spfAligned SPF passed for an aligned domain
 * @param dkimAligned a DKIM signature passed for an aligned domain
 * @param reason human-readable detail
 */
public record DmarcResult(Status status, String fromDomain, Optional<DmarcRecord> record, String recordDomain,
                          DmarcRecord.Policy policy, Disposition disposition, boolean spfAligned, boolean dkimAligned,
                          String reason) {

    public enum Status {
        PASS, FAIL, NONE, TEMPERROR, PERMERROR;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What to do with the message. */
    public enum Disposition {
        ACCEPT, QUARANTINE, REJECT;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DmarcResult {
        Objects.requireNonNull(status);
        Objects.requireNonNull(fromDomain);
        Objects.requireNonNull(record);
        Objects.requireNonNull(recordDomain);
        Objects.requireNonNull(policy);
        Objects.requireNonNull(disposition);
        Objects.requireNonNull(reason);
    }
}
