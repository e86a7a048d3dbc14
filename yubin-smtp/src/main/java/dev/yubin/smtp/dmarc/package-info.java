/**
 * DMARC aggregate reporting (RFC 7489 §7.2): {@link dev.yubin.smtp.dmarc.DmarcReporter} turns the
 * evaluations kept by the inbound authentication filter into daily reports and mails them through
 * the outbound queue.
 *
 * <p>Invariants: a report goes only to a {@code rua=mailto:} destination in the policy domain's
 * organisational domain or one that authorised it ({@code _report._dmarc}, §7.1), never above its
 * {@code !size} limit; evaluations are deleted once their report is queued (or could not be sent).
 *
 * <p>Gaps: no failure reports (ruf, §7.3); no "report too large" notice (§7.2.1.2); ri= is not
 * honoured (one interval for all domains); a report's period is the span of its evaluations.
 */
package dev.yubin.smtp.dmarc;
