package dev.yubin.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class DmarcAggregateReportTest {

    @Test
    void buildsWellFormedRfc7489Xml() throws Exception {
        DmarcRecord policy = DmarcRecord.parse("v=DMARC1; p=reject; sp=quarantine; adkim=s; rua=mailto:d@victim.example");
        var row = new DmarcAggregateReport.Row(InetAddress.getByName("192.0.2.7"), 3, DmarcResult.Disposition.REJECT,
                false, false, "victim.example",
                List.of(new DmarcAggregateReport.AuthResult("attacker.example", "pass", "s1")),
                new DmarcAggregateReport.AuthResult("attacker.example", "pass", ""));
        var report = new DmarcAggregateReport("Yubin <test> & co", "postmaster@mx.yubin.test", "r-1",
                Instant.ofEpochSecond(1_795_564_800L), Instant.ofEpochSecond(1_795_651_199L), "victim.example", policy,
                List.of(row));
        String xml = report.xml();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("org_name").item(0).getTextContent()).isEqualTo("Yubin <test> & co");
        assertThat(doc.getElementsByTagName("p").item(0).getTextContent()).isEqualTo("reject");
        assertThat(doc.getElementsByTagName("sp").item(0).getTextContent()).isEqualTo("quarantine");
        assertThat(doc.getElementsByTagName("adkim").item(0).getTextContent()).isEqualTo("s");
        assertThat(doc.getElementsByTagName("source_ip").item(0).getTextContent()).isEqualTo("192.0.2.7");
        assertThat(doc.getElementsByTagName("count").item(0).getTextContent()).isEqualTo("3");
        assertThat(doc.getElementsByTagName("disposition").item(0).getTextContent()).isEqualTo("reject");
        assertThat(doc.getElementsByTagName("selector").item(0).getTextContent()).isEqualTo("s1");
        assertThat(doc.getElementsByTagName("begin").item(0).getTextContent()).isEqualTo("1795564800");
    }
}
