package dev.yubin.auth.dmarc;

import dev.yubin.auth.dkim.DkimSyntaxException;
import dev.yubin.dns.DnsResult;
import dev.yubin.dns.Resolver;
import dev.yubin.dns.TxtRecord;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One {@code rua=} destination (RFC 7489 §6.2): a {@code mailto:} address with an optional size
 * limit ({@code !10m}: units k, m, g, t are powers of two; none means bytes).
 *
 * @param address the mailbox, {@code local@domain}
 * @param maxBytes the largest report the owner accepts, if limited
 */
public record DmarcReportUri(String address, OptionalLong maxBytes) {

    /** The mailto destination of {@code uri}; other schemes are not supported (empty). */
    public static Optional<DmarcReportUri> parse(String uri) throws DkimSyntaxException {
        String u = uri.strip();
        OptionalLong limit = OptionalLong.empty();
        int bang = u.lastIndexOf('!');
        if (bang > 0) {
            limit = OptionalLong.of(size(u.substring(bang + 1)));
            u = u.substring(0, bang);
        }
        if (!u.regionMatches(true, 0, "mailto:", 0, 7)) {
            return Optional.empty(); // RFC 7489 §6.2: only mailto is required
        }
        String address = u.substring(7);
        int query = address.indexOf('?');
        if (query >= 0) {
            address = address.substring(0, query);
        }
        address = URLDecoder.decode(address.replace("+", "%2B"), StandardCharsets.UTF_8).strip();
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.chars().anyMatch(c -> c <= ' ' || c == ',')) {
            throw new DkimSyntaxException("invalid rua address: " + uri);
        }
        return Optional.of(new DmarcReportUri(address, limit));
    }

    /** The address's domain, lower case. */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * RFC 7489 §7.1: a report for {@code policyDomain} may go to a destination in another
     * organisational domain only if {@code <policyDomain>._report._dmarc.<destination domain>}
     * has a TXT record starting with {@code v=DMARC1}.
     */
    public boolean authorizedFor(String policyDomain, Resolver resolver, PublicSuffixList psl) {
        String dest = domain();
        String policy = policyDomain.toLowerCase(Locale.ROOT);
        if (psl.organizationalDomain(dest).equals(psl.organizationalDomain(policy))) {
            return true;
        }
        DnsResult<TxtRecord> txt = resolver.txt(policy + "._report._dmarc." + dest);
        return txt.values().stream().anyMatch(r -> DmarcRecord.isDmarc1(r.text())); // RFC 7489 §7.1 step 3
    }

    private static long size(String s) throws DkimSyntaxException {
        if (!s.matches("[0-9]{1,15}[kKmMgGtT]?")) {
            throw new DkimSyntaxException("invalid size limit: " + s);
        }
        char unit = Character.toLowerCase(s.charAt(s.length() - 1));
        int shift = switch (unit) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        long n = Long.parseLong(shift == 0 ? s : s.substring(0, s.length() - 1));
        return n > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : n << shift;
    }
}
