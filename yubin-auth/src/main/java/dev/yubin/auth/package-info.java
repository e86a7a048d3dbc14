/**
 * Email authentication for Yubin: shared message view ({@link dev.yubin.auth.RawMessage}) and
 * the verdict of all checks together ({@link dev.yubin.auth.MessageAuthenticator}); one
 * sub-package per standard (spf, dkim, dmarc, arc), each pure functions over a message and a
 * {@link dev.yubin.dns.Resolver}.
 *
 * <p>RFCs: 5322 (header fields), 8601 (Authentication-Results). Invariants: no server state, no
 * I/O other than DNS through the resolver. Known gaps: see each sub-package.
 */
package dev.yubin.auth;
