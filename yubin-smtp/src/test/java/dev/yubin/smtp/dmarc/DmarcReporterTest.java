package dev.yubin.smtp.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.yubin.auth.MessageAuthenticator;
import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageLimits;
import dev.yubin.net.Listener;
import dev.yubin.net.ListenerSettings;
import dev.yubin.smtp.client.ClientSettings;
import dev.yubin.smtp.queue.OutboundQueue;
import dev.yubin.smtp.queue.OutboundSettings;
import dev.yubin.smtp.server.SmtpServer;
import dev.yubin.smtp.server.SmtpSettings;
import dev.yubin.smtp.server.auth.AuthenticationFilter;
import dev.yubin.store.Credentials;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.sql.SqliteStore;
import dev.yubin.store.sql.dmarc.SqliteDmarcReportStore;
import dev.yubin.store.sql.queue.SqliteQueueStore;
import dev.yubin.testkit.dns.TestDnsServer;
import dev.yubin.testkit.smtp.SmtpTestClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * DMARC aggregate reports end to end: instance A's MX records the DMARC evaluation of each
 * message it receives; its reporter mails the gzip-compressed report through A's outbound queue
 * to the rua= mailbox on instance B, which authorised receiving reports for sender.test
 * (RFC 7489 §7.1); the report's XML has the right counts. A domain whose external destination
 * did not authorise it, and one whose size limit is too small, get no report; every reported
 * evaluation is deleted.
 */
class DmarcReporterTest {
    private static final Credentials NO_PASSWORD = new Credentials("$test$none", Optional.empty());

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    @Test
    void reportArrivesGzippedWithTheRightCounts() throws Exception {
        MessageIndexer indexer = new MessageIndexer(MessageLimits.defaults());
        try (TestDnsServer dns = TestDnsServer.start(); SqliteStore a = SqliteStore.open(dirA);
             SqliteStore b = SqliteStore.open(dirB)) {
            dns.txt("sender.test", "v=spf1 ip4:127.0.0.1 -all")
                    .txt("_dmarc.sender.test", "v=DMARC1; p=quarantine; rua=mailto:dmarc@reports.test!10m")
                    .txt("sender.test._report._dmarc.reports.test", "v=DMARC1")
                    .txt("unverified.test", "v=spf1 ip4:127.0.0.1 -all")
                    .txt("_dmarc.unverified.test", "v=DMARC1; p=none; rua=mailto:dmarc@reports.test")
                    .txt("tiny.test", "v=spf1 ip4:127.0.0.1 -all")
                    .txt("_dmarc.tiny.test", "v=DMARC1; p=none; rua=mailto:dmarc@reports.test!100")
                    .txt("tiny.test._report._dmarc.reports.test", "v=DMARC1")
                    .txt("_dmarc.quiet.test", "v=DMARC1; p=none")
                    .mx("reports.test", 10, "mx.reports.test").a("mx.reports.test", "127.0.0.1");
            b.addDomain(Domain.parse("reports.test"));
            b.addUser(EmailAddress.parse("dmarc@reports.test"), NO_PASSWORD);
            a.addDomain(Domain.parse("a.test"));
            a.addUser(EmailAddress.parse("alice@a.test"), NO_PASSWORD);
            SqliteDmarcReportStore evaluations = new SqliteDmarcReportStore(a);
            SmtpServer serverB = new SmtpServer(SmtpSettings.builder().hostname("mx.reports.test").build(), b, b,
                    b.blobs(), indexer, List.of(), Clock.systemUTC());
            try (Listener listenerB = listen(serverB);
                 OutboundQueue queue = new OutboundQueue(OutboundSettings.defaults("mx.a.test").withPort(listenerB.port())
                         .withPollInterval(Duration.ofMillis(20))
                         .withClient(ClientSettings.defaults("mx.a.test").withAllTimeouts(Duration.ofSeconds(5))),
                         new SqliteQueueStore(a, Clock.systemUTC()), dns.resolver(), a, a, a.blobs(), indexer,
                         Clock.systemUTC())) {
                queue.start();
                SmtpServer serverA = new SmtpServer(SmtpSettings.builder().hostname("mx.a.test").build(), a, a,
                        a.blobs(), indexer, List.of(new AuthenticationFilter(new MessageAuthenticator(dns.resolver(),
                        "mx.a.test"), "mx.a.test", evaluations, Clock.systemUTC())), Clock.systemUTC(), queue);
                try (Listener listenerA = listen(serverA); SmtpTestClient c = SmtpTestClient.connect(listenerA.port())) {
                    c.hello("client.test");
                    send(c, "news@sender.test", "news@sender.test", "one");
                    send(c, "news@sender.test", "news@sender.test", "two");
                    send(c, "x@other.test", "news@sender.test", "spoofed");
                    send(c, "x@unverified.test", "x@unverified.test", "unverified");
                    send(c, "x@tiny.test", "x@tiny.test", "tiny");
                    send(c, "x@quiet.test", "x@quiet.test", "no rua");
                }
                assertThat(evaluations.policyDomains(Instant.now().plusSeconds(1)))
                        .containsExactly("sender.test", "tiny.test", "unverified.test");
                Thread.sleep(5); // the reporter takes what was recorded strictly before its run
                DmarcReporter reporter = new DmarcReporter(DmarcReportSettings.defaults("Yubin A",
                        EmailAddress.parse("dmarc-reports@a.test")), evaluations, dns.resolver(), queue, a.blobs(),
                        Clock.systemUTC());
                assertThat(reporter.runOnce()).isEqualTo(1);
                assertThat(evaluations.policyDomains(Instant.now().plusSeconds(1))).isEmpty();

                await().atMost(Duration.ofSeconds(20)).until(() -> inbox(b).size() == 1);
                String report;
                try (InputStream in = b.blobs().open(inbox(b).get(0).blob())) {
                    report = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
                assertThat(report).contains("Subject: Report Domain: sender.test Submitter: a.test Report-ID: <")
                        .contains("Content-Type: application/gzip")
                        .containsPattern("filename=\"a\\.test!sender\\.test![0-9]+![0-9]+![^\"]+\\.xml\\.gz\"");
                Document xml = gunzipXml(report);
                assertThat(text(xml.getDocumentElement(), "domain")).isEqualTo("sender.test");
                assertThat(text(xml.getDocumentElement(), "p")).isEqualTo("quarantine");
                assertThat(text(xml.getDocumentElement(), "org_name")).isEqualTo("Yubin A");
                NodeList records = xml.getElementsByTagName("record");
                assertThat(records.getLength()).isEqualTo(2);
                Element good = (Element) records.item(0);
                assertThat(text(good, "count")).isEqualTo("2");
                assertThat(text(good, "source_ip")).isEqualTo("127.0.0.1");
                assertThat(text(good, "disposition")).isEqualTo("none");
                assertThat(text(good, "header_from")).isEqualTo("sender.test");
                assertThat(((Element) good.getElementsByTagName("policy_evaluated").item(0))
                        .getElementsByTagName("spf").item(0).getTextContent()).isEqualTo("pass");
                Element bad = (Element) records.item(1);
                assertThat(text(bad, "count")).isEqualTo("1");
                assertThat(text(bad, "disposition")).isEqualTo("quarantine");
                assertThat(((Element) bad.getElementsByTagName("auth_results").item(0))
                        .getElementsByTagName("domain").item(0).getTextContent()).isEqualTo("other.test");
            }
        }
    }

    private static void send(SmtpTestClient c, String mailFrom, String from, String subject) throws Exception {
        String m = "From: " + from + "\r\nTo: alice@a.test\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + subject.replace(' ', '.') + "@x>\r\n\r\nHello.\r\n";
        assertThat(c.command("MAIL FROM:<" + mailFrom + ">").code()).isEqualTo(250);
        assertThat(c.command("RCPT TO:<alice@a.test>").code()).isEqualTo(250);
        assertThat(c.data(m).code()).isEqualTo(250);
    }

    private static Listener listen(SmtpServer server) throws Exception {
        return new Listener(new ListenerSettings("smtp", new InetSocketAddress("127.0.0.1", 0),
                ListenerSettings.Tls.PLAIN, 100, 100, Duration.ofSeconds(30)), null, server.lineLimit(), server);
    }

    private static List<MessageRecord> inbox(SqliteStore store) {
        var u = store.user(EmailAddress.parse("dmarc@reports.test")).orElseThrow();
        return store.messages(store.mailbox(u.id(), Mailbox.INBOX).orElseThrow().id());
    }

    private static Document gunzipXml(String message) throws Exception {
        Matcher m = Pattern.compile("Content-Transfer-Encoding: base64\r\n(?:[^\r\n]+\r\n)*\r\n([A-Za-z0-9+/=\r\n]+)\r\n--")
                .matcher(message);
        assertThat(m.find()).as(message).isTrue();
        byte[] gz = Base64.getMimeDecoder().decode(m.group(1));
        byte[] xml;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            xml = in.readAllBytes();
        }
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Element e, String tag) {
        return e.getElementsByTagName(tag).item(0).getTextContent();
    }
}
