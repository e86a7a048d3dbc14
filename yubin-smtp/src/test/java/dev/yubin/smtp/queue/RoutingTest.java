package dev.yubin.smtp.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.yubin.net.tls.TlsContexts;
import dev.yubin.net.tls.TlsSettings;
import dev.yubin.smtp.client.ScriptedSmtpServer;
import dev.yubin.store.queue.QueueState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MX selection, implicit MX, IDN, address literals, connection limits and reuse, STARTTLS. */
class RoutingTest extends QueueTestBase {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tlsDir;

    @BeforeEach
    void up() throws Exception {
        dns = QueueFixture.dns();
    }


    private void start(OutboundSettings settings) {
        q = new QueueFixture(dir, dns, settings);
    }

    private void awaitDone(List<Long> ids) {
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> q.entry(id).state() == QueueState.DONE));
    }

    @Test
    void lowerPreferenceMxIsTriedWhenTheFirstIsDown() throws Exception {
        receiver = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() { });
        dns.mx("two.test", 10, "down.two.test").a("down.two.test", "127.0.0.2")
                .mx("two.test", 20, "up.two.test").a("up.two.test", "127.0.0.1");
        start(QueueFixture.settings(receiver.port()));
        awaitDone(q.send("fallback", "x@two.test"));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void domainWithoutMxUsesItsAddressAndIdnIsSentInALabelForm() throws Exception {
        receiver = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() { });
        dns.a("nomx.test", "127.0.0.1").mx("xn--bcher-kva.test", 10, "mx.remote.test");
        start(QueueFixture.settings(receiver.port()));
        List<Long> ids = new ArrayList<>(q.send("implicit", "x@nomx.test"));
        ids.addAll(q.send("idn", "y@bücher.test"));
        awaitDone(ids);
        assertThat(receiver.commands()).contains("RCPT TO:<x@nomx.test>", "RCPT TO:<y@xn--bcher-kva.test>");
        assertThat(q.entry(ids.get(1)).destination()).isEqualTo("xn--bcher-kva.test");
    }

    @Test
    void addressLiteralIsDeliveredWithoutDns() throws Exception {
        receiver = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() { });
        start(QueueFixture.settings(receiver.port()));
        int before = dns.queryCount();
        awaitDone(q.send("literal", "z@[127.0.0.1]"));
        assertThat(receiver.commands()).contains("RCPT TO:<z@[127.0.0.1]>");
        assertThat(dns.queryCount()).isEqualTo(before);
    }

    @Test
    void nonexistentDomainBouncesAndLocalDomainNeverGoesOut() throws Exception {
        receiver = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() { });
        start(QueueFixture.settings(receiver.port()));
        long id = q.send("nx", "x@nowhere.test").get(0);
        await().atMost(WAIT).until(() -> q.entry(id).state() == QueueState.BOUNCED);
        assertThat(q.entry(id).recipients().get(0).lastReply()).contains("5.1.2");
        await().atMost(WAIT).until(() -> q.inbox("alice@example.com").size() == 1);
        assertThat(q.send("to myself", "alice@example.com")).isEmpty();
        assertThat(q.inbox("alice@example.com")).hasSize(2);
        assertThat(receiver.connections()).isZero();
    }

    @Test
    void connectionsPerDomainAreLimitedAndReused() throws Exception {
        receiver = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() {
            @Override
            public String endOfData(int attempt) {
                try {
                    Thread.sleep(5); // keep connections busy so that agents overlap
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "250 2.0.0 Ok";
            }
        });
        start(QueueFixture.settings(receiver.port()).withConnections(10, 2, 100, Duration.ZERO));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.addAll(q.send("bulk " + i, "r" + i + "@remote.test"));
        }
        awaitDone(ids);
        assertThat(receiver.received()).hasSize(30);
        assertThat(receiver.maxConcurrentConnections()).isLessThanOrEqualTo(2);
        assertThat(receiver.connections()).isLessThan(30);
    }

    @Test
    void startTlsIsUsedWhenOffered() throws Exception {
        var tls = TlsContexts.load(TlsSettings.selfSigned(tlsDir, "mx.remote.test")).serverContext();
        receiver = ScriptedSmtpServer.startWithTls(new ScriptedSmtpServer.Script() { }, tls);
        start(QueueFixture.settings(receiver.port()));
        awaitDone(q.send("secret", "x@remote.test"));
        assertThat(receiver.tlsSessions()).isEqualTo(1);
        List<String> c = receiver.commands();
        assertThat(c).containsSubsequence("EHLO out.example.com", "STARTTLS", "EHLO out.example.com");
        assertThat(c.indexOf("STARTTLS")).isLessThan(c.indexOf(c.stream().filter(l -> l.startsWith("MAIL")).findFirst()
                .orElseThrow()));
    }

    @Test
    void perDomainRateLimitSpacesMessages() throws Exception {
        receiver = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() { });
        start(QueueFixture.settings(receiver.port()).withConnections(10, 5, 100, Duration.ofMillis(100)));
        List<Long> ids = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            ids.addAll(q.send("paced " + i, "p" + i + "@remote.test"));
        }
        awaitDone(ids);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(receiver.received()).hasSize(5);
    }
}
