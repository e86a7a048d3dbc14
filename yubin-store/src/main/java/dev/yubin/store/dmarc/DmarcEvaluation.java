package dev.yubin.store.dmarc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The DMARC evaluation of one inbound message, kept until it is reported (RFC 7489 §7.2, the
 * fields of an aggregate report's record).
 *
 * @param at when the message arrived
 * @param sourceIp the SMTP client's address
 * @param headerFrom the RFC5322.From domain
 * @param policyDomain where the DMARC record was found
 * @param policyRecord the DMARC record as evaluated, canonical text (it carries rua=)
 * @param disposition what was applied: none, quarantine or reject
 * @param override why the applied disposition differs from the policy ("" when it does not):
 *     sampled_out, trusted_forwarder or local_policy (RFC 7489 Appendix C PolicyOverrideType)
 * @param dkimAligned a DKIM pass aligned with the From domain
 * @param spfAligned an SPF pass aligned with the From domain
 * @param dkim the result of each DKIM signature
 * @param spfDomain the SPF identity's domain (MAIL FROM, or HELO when it was null)
 * @param spfResult the SPF result word
 */
public record DmarcEvaluation(Instant at, String sourceIp, String headerFrom, String policyDomain, String policyRecord,
                              String disposition, String override, boolean dkimAligned, boolean spfAligned,
                              List<DkimOutcome> dkim, String spfDomain, String spfResult) {

    /** One DKIM signature's result: d=, s= and the result word. */
    public record DkimOutcome(String domain, String selector, String result) {
        public DkimOutcome {
            Objects.requireNonNull(domain);
            Objects.requireNonNull(selector);
            Objects.requireNonNull(result);
        }
    }

    public DmarcEvaluation {
        Objects.requireNonNull(at);
        Objects.requireNonNull(sourceIp);
        Objects.requireNonNull(headerFrom);
        Objects.requireNonNull(policyDomain);
        Objects.requireNonNull(policyRecord);
        Objects.requireNonNull(disposition);
        Objects.requireNonNull(override);
        dkim = List.copyOf(dkim);
        Objects.requireNonNull(spfDomain);
        Objects.requireNonNull(spfResult);
    }
}
