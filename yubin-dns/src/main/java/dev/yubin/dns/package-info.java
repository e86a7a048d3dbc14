/**
 * DNS for Yubin: the {@link dev.yubin.dns.Resolver} interface every module uses, a dnsjava
 * implementation for production ({@link dev.yubin.dns.DnsjavaResolver}) and an in-memory one
 * for tests and fixed setups ({@link dev.yubin.dns.StaticResolver}).
 *
 * <p>RFCs: 1035 (records), 2308 (negative caching), 4035/6840 (AD bit), 5890 (A-labels),
 * 6698 (TLSA), 7505 (null MX).
 * Invariants: lookups never throw for DNS outcomes; NXDOMAIN, no data and temporary failure are
 * distinct results; names are queried in lower-case A-label form; temporary failures are never
 * cached. Known gaps: no local DNSSEC validation (we trust the AD bit of the configured
 * resolver, which must therefore be on a trusted path such as loopback); no SRV/CAA lookups yet.
 */
package dev.yubin.dns;
