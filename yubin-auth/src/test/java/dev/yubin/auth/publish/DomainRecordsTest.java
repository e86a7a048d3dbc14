package dev.yubin.auth.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.auth.dkim.DkimKeyRecord;
import dev.yubin.auth.dkim.DkimKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainRecordsTest {

    @Test
    void zoneLinesCoverEveryRecord() throws Exception {
        var ed = DkimKeys.generateEd25519();
        var rsa = DkimKeys.generateRsa2048();
        DomainSetup s = new DomainSetup("Example.ORG.", "mail.example.org",
                List.of(new DomainSetup.DkimPublication("e2026", ed.getPublic()),
                        new DomainSetup.DkimPublication("r2026", rsa.getPublic())),
                "postmaster@example.org", "20261125", DomainSetup.MtaStsMode.TESTING);
        List<String> lines = DomainRecords.zoneLines(s);
        String zone = String.join("\n", lines);
        assertThat(zone).contains("example.org.\t3600\tIN\tMX\t10 mail.example.org.")
                .contains("example.org.\t3600\tIN\tTXT\t\"v=spf1 mx -all\"")
                .contains("e2026._domainkey.example.org.\t3600\tIN\tTXT\t\"v=DKIM1; k=ed25519; p=")
                .contains("r2026._domainkey.example.org.\t3600\tIN\tTXT\t( \"v=DKIM1; k=rsa; p=")
                .contains("_dmarc.example.org.\t3600\tIN\tTXT\t\"v=DMARC1; p=quarantine; rua=mailto:postmaster@example.org\"")
                .contains("_mta-sts.example.org.\t3600\tIN\tTXT\t\"v=STSv1; id=20261125\"")
                .contains("_smtp._tls.example.org.\t3600\tIN\tTXT\t\"v=TLSRPTv1; rua=mailto:postmaster@example.org\"")
                .contains("_submissions._tcp.example.org.\t3600\tIN\tSRV\t0 1 465 mail.example.org.")
                .contains("autoconfig.example.org.\t3600\tIN\tCNAME\tmail.example.org.");
        // the published RSA key, rejoined from its strings, parses back to the same key
        String rsaLine = lines.stream().filter(l -> l.startsWith("r2026.")).findFirst().orElseThrow();
        String txt = rsaLine.substring(rsaLine.indexOf('(') + 1, rsaLine.lastIndexOf(')')).strip()
                .replaceAll("\"\\s+\"", "").replace("\"", "");
        assertThat(DkimKeyRecord.parse(txt).publicKey()).contains(rsa.getPublic());
        assertThat(DomainRecords.mtaStsPolicy(s, 86400))
                .isEqualTo("version: STSv1\r\nmode: testing\r\nmx: mail.example.org\r\nmax_age: 86400\r\n");
    }
}
