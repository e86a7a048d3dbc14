package dev.yubin.dns;

import java.net.InetAddress;

/**
 * DNS lookups needed by a mail server. Every method answers a {@link DnsResult} that keeps apart
 * a name that does not exist (NXDOMAIN), a name without records of the type (no data), and a
 * temporary failure (SERVFAIL, timeout, network error); callers such as SPF (RFC 7208 §4.4) and
 * outbound delivery (RFC 5321 §5.1) treat these differently.
 *
 * <p>Names are accepted in U-label or A-label form, with or without a trailing dot; they are
 * queried in A-label form (RFC 5890). Implementations never throw for a DNS outcome: a name that
 * cannot be represented in DNS is answered as {@link DnsResult.NxDomain}. CNAME chains are
 * followed. Implementations are safe for concurrent use.
 */
public interface Resolver {

    /** MX records of {@code name} (RFC 5321 §5.1); a null MX (RFC 7505) is an MX whose host is "". */
    DnsResult<MxRecord> mx(String name);

    /** IPv4 addresses of {@code name}. */
    DnsResult<InetAddress> a(String name);

    /** IPv6 addresses of {@code name}. */
    DnsResult<InetAddress> aaaa(String name);

    /** TXT records of {@code name}, each with its character-strings. */
    DnsResult<TxtRecord> txt(String name);

    /** Names in the PTR records of the reverse name of {@code address} (in-addr.arpa / ip6.arpa). */
    DnsResult<String> ptr(InetAddress address);

    /** TLSA records of {@code name}, e.g. {@code _25._tcp.mx.example.com} (RFC 6698, RFC 7672). */
    DnsResult<TlsaRecord> tlsa(String name);
}
