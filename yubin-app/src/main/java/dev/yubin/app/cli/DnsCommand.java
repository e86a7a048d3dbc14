package dev.yubin.app.cli;

import dev.yubin.app.MtaStsPublishing;
import dev.yubin.app.Server;
import dev.yubin.app.config.Config;
import dev.yubin.auth.publish.DomainRecords;
import dev.yubin.auth.publish.DomainSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code yubin dns DOMAIN}: every DNS record to publish for a local domain, in zone-file format
 * (RFC 1035 §5): MX, SPF (RFC 7208), the published DKIM keys (RFC 6376 §3.6.2.1), DMARC
 * (RFC 7489, starter {@code p=quarantine}), MTA-STS (RFC 8461: the policy of the {@code mta-sts.*}
 * settings, the one the HTTP listener serves, shown as comments), TLS-RPT (RFC 8460) and client autoconfiguration (RFC 6186).
 */
@Command(name = "dns", description = "Print the DNS records to publish for a domain (zone-file format).",
        mixinStandardHelpOptions = true)
public final class DnsCommand implements Runnable {
    @Mixin
    ConfigOptions config;
    @Parameters(paramLabel = "DOMAIN")
    String domain;

    @Override
    public void run() {
        Config c = config.load();
        String d = DkimCommand.localDomain(c, domain);
        String host = Server.hostname(c);
        // the same policy the HTTP listener serves for mta-sts.DOMAIN (mta-sts.* settings)
        MtaStsPublishing mtaSts = MtaStsPublishing.from(c, host);
        DomainSetup setup = new DomainSetup(d, host, DkimCommand.keyStore(c).publications(d), "postmaster@" + d,
                mtaSts.policyId(), mtaSts.mode(d));
        if (setup.dkimKeys().isEmpty()) {
            System.out.println("; no DKIM key for " + d + ": run yubin dkim generate " + d);
        }
        DomainRecords.zoneLines(setup).forEach(System.out::println);
        if (setup.mtaStsMode() == DomainSetup.MtaStsMode.NONE) {
            return;
        }
        System.out.println("; MTA-STS policy, served at https://mta-sts." + d + "/.well-known/mta-sts.txt"
                + " (Yubin's http.listen behind an HTTPS proxy):");
        for (String line : mtaSts.policyText().split("\r\n")) {
            System.out.println(";   " + line);
        }
    }
}
