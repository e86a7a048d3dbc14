/**
 * SPF (RFC 7208): {@link dev.yubin.auth.spf.SpfVerifier} evaluates check_host() for the MAIL FROM
 * or HELO identity against a {@link dev.yubin.dns.Resolver} and returns a sealed
 * {@link dev.yubin.auth.spf.SpfResult}.
 *
 * <p>RFCs: 7208 (all mechanisms, redirect/exp, macros with transformers and delimiters, %{p}
 * validated names, the 10 DNS-mechanism, 2 void-lookup, 10 MX and 10 PTR limits), 5952 (%{c}
 * form of IPv6). Passes all 203 cases of the OpenSPF RFC 7208 test suite.
 * Invariants: the whole record is parsed before evaluation (a syntax error anywhere is
 * permerror); the exp= lookup happens at most once, only for the reported result, and counts
 * toward no limit; no server state lives here. Known gaps: no overall wall-clock limit beyond the
 * resolver's own timeouts (RFC 7208 §4.6.4 suggests at least 20 s); the SPF RR type (99) is never
 * queried, as RFC 7208 §3.1 says.
 */
package dev.yubin.auth.spf;
