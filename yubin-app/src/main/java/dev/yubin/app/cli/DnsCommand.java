package dev.yubin.app.cli;

import dev.yubin.app.Server;
import dev.yubin.app.config.Config;
import dev.yubin.auth.publish.DomainRecords;
import dev.yubin.auth.publish.DomainSetup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code yubin dns DOMAIN}: every DNS record to publish for a local domain, in zone-file format
 * (RFC 1035 §5): MX, SPF (RFC 7208), the published DKIM keys (RFC 6376 §3.6.2.1), DMARC
 * (RFC 7489, starter {@code p=quarantine}), MTA-STS (RFC 8461, testing mode, with the policy file
 * as comments), TLS-RPT (RFC 8460) and client autoconfiguration (RFC 6186).
 */
@Command(name = "dns", description = "Print the DNS records to publish for a domain (zone-file format).",
        mixinStandardHelpOptions = true)
public final class DnsCommand implements Runnable {
    /** max_age of the MTA-STS policy: one week (RFC 8461 §3.2 recommends weeks). */
    static final long MTA_STS_MAX_AGE = 604_800;

    @Mixin
    ConfigOptions config;
    @Parameters(paramLabel = "DOMAIN")
    String domain;

    @Override
    public void run() {
        Config c = config.load();
        String d = DkimCommand.localDomain(c, domain);
        String host = Server.hostname(c);
        DomainSetup draft = new DomainSetup(d, host, DkimCommand.keyStore(c).publications(d), "postmaster@" + d, "x",
                DomainSetup.MtaStsMode.TESTING);
        String policy = DomainRecords.mtaStsPolicy(draft, MTA_STS_MAX_AGE);
        // RFC 8461 §3.1: id changes whenever the policy does, so derive it from the policy text
        DomainSetup setup = new DomainSetup(d, host, draft.dkimKeys(), draft.reportAddress(), policyId(policy),
                draft.mtaStsMode());
        if (setup.dkimKeys().isEmpty()) {
            System.out.println("; no DKIM key for " + d + ": run yubin dkim generate " + d);
        }
        DomainRecords.zoneLines(setup).forEach(System.out::println);
        System.out.println("; MTA-STS policy, served at https://mta-sts." + d + "/.well-known/mta-sts.txt:");
        for (String line : policy.split("\r\n")) {
            System.out.println(";   " + line);
        }
    }

    private static String policyId(String policy) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(policy.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
