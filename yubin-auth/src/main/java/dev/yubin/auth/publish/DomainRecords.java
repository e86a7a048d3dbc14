package dev.yubin.auth.publish;

import dev.yubin.auth.dkim.DkimKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The DNS records an operator publishes for a mail domain, as zone-file lines (RFC 1035 §5),
 * for {@code yubin dns DOMAIN}: MX, SPF, DKIM, DMARC, MTA-STS, TLS-RPT and client
 * autoconfiguration. Pure functions; nothing is looked up.
 */
public final class DomainRecords {

    /** TTL of every generated record. */
    public static final int TTL = 3600;

    private DomainRecords() {
    }

    public static List<String> zoneLines(DomainSetup s) {
        String d = s.domain() + ".";
        String host = s.mailHost() + ".";
        List<String> lines = new ArrayList<>();
        lines.add("; mail for " + s.domain());
        lines.add(line(d, "MX", "10 " + host)); // RFC 5321 §5.1
        lines.add(line(d, "TXT", quoted("v=spf1 mx -all"))); // RFC 7208 §4.5: only our MX may send
        for (DomainSetup.DkimPublication k : s.dkimKeys()) {
            lines.add(line(k.selector() + "._domainkey." + d, "TXT", quoted(DkimKeys.dnsRecord(k.publicKey())))); // RFC 6376 §3.6.2.1
        }
        // RFC 7489 §6.3: a starter policy that quarantines failures and asks for aggregate reports
        lines.add(line("_dmarc." + d, "TXT", quoted("v=DMARC1; p=quarantine; rua=mailto:" + s.reportAddress())));
        if (s.mtaStsMode() != DomainSetup.MtaStsMode.NONE) {
            lines.add(line("_mta-sts." + d, "TXT", quoted("v=STSv1; id=" + s.mtaStsPolicyId()))); // RFC 8461 §3.1
            lines.add(line("mta-sts." + d, "CNAME", host)); // policy served over HTTPS by our host
        }
        lines.add(line("_smtp._tls." + d, "TXT", quoted("v=TLSRPTv1; rua=mailto:" + s.reportAddress()))); // RFC 8460 §3
        lines.add("; mail client autoconfiguration (RFC 6186, RFC 8314 §5.1)");
        lines.add(line("_submissions._tcp." + d, "SRV", "0 1 465 " + host));
        lines.add(line("_submission._tcp." + d, "SRV", "0 1 587 " + host));
        lines.add(line("_imaps._tcp." + d, "SRV", "0 1 993 " + host));
        lines.add(line("_imap._tcp." + d, "SRV", "0 1 143 " + host));
        lines.add(line("_pop3s._tcp." + d, "SRV", "0 1 995 " + host));
        lines.add(line("_autodiscover._tcp." + d, "SRV", "0 1 443 " + host));
        lines.add(line("autoconfig." + d, "CNAME", host));
        lines.add(line("autodiscover." + d, "CNAME", host));
        return lines;
    }

    /** The MTA-STS policy file served at https://mta-sts.DOMAIN/.well-known/mta-sts.txt (RFC 8461 §3.2). */
    public static String mtaStsPolicy(DomainSetup s, long maxAgeSeconds) {
        return "version: STSv1\r\n"
                + "mode: " + s.mtaStsMode().keyword() + "\r\n"
                + "mx: " + s.mailHost() + "\r\n"
                + "max_age: " + maxAgeSeconds + "\r\n";
    }

    private static String line(String owner, String type, String data) {
        return owner + "\t" + TTL + "\tIN\t" + type + "\t" + data;
    }

    /** A TXT value as zone-file strings of at most 255 octets (RFC 1035 §3.3.14), in parentheses when several. */
    static String quoted(String text) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 255) {
            parts.add('"' + text.substring(i, Math.min(text.length(), i + 255)).replace("\"", "\\\"") + '"');
        }
        return parts.size() == 1 ? parts.get(0) : "( " + String.join(" ", parts) + " )";
    }
}
