/**
 * DMARC (RFC 7489): {@link dev.yubin.auth.dmarc.DmarcVerifier} finds the author domain, discovers
 * the policy (author domain, then organisational domain from the
 * {@link dev.yubin.auth.dmarc.PublicSuffixList}), checks SPF and DKIM alignment and applies
 * p/sp/pct.
 *
 * <p>RFCs: 7489 (§3.1 alignment, §3.2 organisational domain, §6.3 record, §6.6 evaluation),
 * 5322 §3.6 (exactly one From). Invariants: a message whose author domain is not unique (no From,
 * several From fields, several or no mailboxes) is a permerror with disposition reject; DNS
 * failures give temperror, never pass. Aggregate reports (rua) are built as RFC 7489 Appendix C XML by
 * {@link dev.yubin.auth.dmarc.DmarcAggregateReport}. Known gaps: collecting rows, storing them and
 * mailing the daily reports is left to the application; no failure (ruf) reports; the np= tag of DMARCbis is not read; the shipped Public Suffix List is the Debian
 * 2023-02-09 copy and should be refreshed by the operator.
 */
package dev.yubin.auth.dmarc;
