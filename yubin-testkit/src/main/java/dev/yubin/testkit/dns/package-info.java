/**
 * An in-process authoritative DNS server for tests ({@link dev.yubin.testkit.dns.TestDnsServer}):
 * loopback only, ephemeral port, zones defined in code, failure injection (SERVFAIL, silence) and
 * an AD-bit switch for DANE tests.
 *
 * <p>RFCs: 1034/1035 (queries, TCP framing, truncation), 2308 (negative answers with SOA),
 * 6891 (EDNS payload size). Invariants: binds only 127.0.0.1; never recurses; answers from the
 * records given and nothing else. Known gaps: no wildcards, no DNSSEC signatures (AD is faked),
 * no zone transfers.
 */
package dev.yubin.testkit.dns;
