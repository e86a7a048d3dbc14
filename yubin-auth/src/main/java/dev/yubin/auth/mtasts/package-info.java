/**
 * Outbound transport security decisions, pure parts: MTA-STS records and policies
 * ({@link dev.yubin.auth.mtasts.MtaStsRecord}, {@link dev.yubin.auth.mtasts.MtaStsPolicy}) and
 * DANE TLSA matching ({@link dev.yubin.auth.mtasts.DaneMatcher}) for the delivery client.
 *
 * <p>RFCs: 8461 (MTA-STS §3.1 record, §3.2 policy, §4.1 MX matching), 7672 (SMTP DANE: usages 2
 * and 3 only), 6698 (TLSA selectors and matching types). Invariants: an invalid record or policy
 * counts as absent, never as permissive. Known gaps: fetching policies over HTTPS and caching them
 * belong to the outbound delivery code (through a pluggable fetcher); DANE-TA still needs the
 * caller's chain and name check.
 */
package dev.yubin.auth.mtasts;
