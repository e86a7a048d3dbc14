/**
 * Email authentication for Yubin: shared message view ({@link dev.yubin.auth.RawMessage}) and
 * the verdict of all checks together ({@link dev.yubin.auth.MessageAuthenticator}); one
 * sub-package per standard (spf, dkim, dmarc, arc, mtasts), each pure functions over a message
 * and a {@link dev.yubin.dns.Resolver}; {@code publish} generates the DNS records to publish.
 *
 * <p>RFCs: 5322 (header fields), 8601 (Authentication-Results). Invariants: no server state, no
 * I/O other than DNS through the resolver. Known gaps: see each sub-package.
 */
package dev.yubin.auth;
