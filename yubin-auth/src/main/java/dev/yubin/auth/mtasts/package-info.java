/**
 * Outbound transport security for the delivery client: MTA-STS records and policies
 * ({@link dev.yubin.auth.mtasts.MtaStsRecord}, {@link dev.yubin.auth.mtasts.MtaStsPolicy}),
 * fetching them ({@link dev.yubin.auth.mtasts.MtaStsFetcher}, over HTTPS by
 * {@link dev.yubin.auth.mtasts.HttpsMtaStsFetcher}), the policy cache
 * ({@link dev.yubin.auth.mtasts.MtaStsCache}, persisted by a
 * {@link dev.yubin.auth.mtasts.MtaStsPolicyStore} such as
 * {@link dev.yubin.auth.mtasts.FileMtaStsPolicyStore}), DANE TLSA matching and chain
 * authentication ({@link dev.yubin.auth.mtasts.DaneMatcher}) and certificate name checks
 * ({@link dev.yubin.auth.mtasts.CertificateNames}).
 *
 * <p>RFCs: 8461 (§3.1 record, §3.2 policy, §3.3 HTTPS fetch without redirects, §4.1 MX
 * matching, §5.1 caching by id and max_age), 7672 (SMTP DANE: usages 2 and 3 only, DANE-EE
 * without name checks, DANE-TA with chain and name checks), 6698 (selectors and matching types),
 * 6125 (wildcards as the whole leftmost label). Invariants: an invalid record or policy counts as
 * absent, never as permissive; a failed fetch never replaces an unexpired cached policy.
 * Known gaps: policies are refreshed when used past half their max_age, not by a background task
 * (a policy not used for a long time expires); the cache lives in files, not in the shared SQL store (a cluster fetches per node).
 */
package dev.yubin.auth.mtasts;
