package dev.yubin.testkit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.dns.DnsResult;
import dev.yubin.dns.DnsjavaResolver;
import dev.yubin.dns.DnsjavaSettings;
import dev.yubin.dns.MxRecord;
import dev.yubin.dns.TlsaRecord;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestDnsServerTest {

    private static TestDnsServer dns;
    private static DnsjavaResolver resolver;

    @BeforeAll
    static void start() throws Exception {
        dns = TestDnsServer.start();
        dns.mx("example.test", 10, "mx1.example.test").mx("example.test", 20, "mx2.example.test")
                .a("mx1.example.test", "127.0.0.1").aaaa("mx1.example.test", "::1")
                .txt("example.test", "v=spf1 ip4:127.0.0.1 -all")
                .txt("big.example.test", "k=rsa; p=" + "A".repeat(700))
                .ptr("127.0.0.2", "mail.example.test")
                .tlsa("_25._tcp.mx1.example.test", 3, 1, 1, new byte[] {1, 2, 3})
                .cname("alias.example.test", "mx1.example.test")
                .a("nullmx.test", "127.0.0.3").mx("nullmx.test", 0, ".")
                .a("bücher.test", "127.0.0.4")
                .servfail("broken.example.test")
                .silent("slow.example.test")
                .a("signed.example.test", "127.0.0.5").secure("signed.example.test");
        resolver = dns.resolver();
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    @Test
    void resolvesEachRecordType() throws Exception {
        assertThat(resolver.mx("example.test").values())
                .containsExactlyInAnyOrder(new MxRecord(10, "mx1.example.test"), new MxRecord(20, "mx2.example.test"));
        assertThat(resolver.a("mx1.example.test").values()).containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThat(resolver.aaaa("mx1.example.test").values()).containsExactly(InetAddress.getByName("::1"));
        assertThat(resolver.txt("example.test").values().get(0).text()).isEqualTo("v=spf1 ip4:127.0.0.1 -all");
        assertThat(resolver.ptr(InetAddress.getByName("127.0.0.2")).values()).containsExactly("mail.example.test");
        assertThat(resolver.tlsa("_25._tcp.mx1.example.test").values())
                .containsExactly(new TlsaRecord(3, 1, 1, new byte[] {1, 2, 3}));
        assertThat(resolver.a("bücher.test").values()).containsExactly(InetAddress.getByName("127.0.0.4"));
    }

    @Test
    void followsCnamesAndReportsNullMx() throws Exception {
        assertThat(resolver.a("alias.example.test").values()).containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThat(resolver.mx("nullmx.test").values()).singleElement().matches(MxRecord::isNullMx);
    }

    @Test
    void largeAnswersFallBackToTcp() {
        var txt = resolver.txt("big.example.test").values();
        assertThat(txt).hasSize(1);
        assertThat(txt.get(0).strings()).hasSize(3);
        assertThat(txt.get(0).text()).endsWith("AAAA").hasSize(709);
    }

    @Test
    void distinguishesNxdomainNoDataAndFailures() {
        assertThat(resolver.a("missing.example.test")).isInstanceOf(DnsResult.NxDomain.class);
        assertThat(resolver.a("example.test")).isInstanceOf(DnsResult.NoData.class);
        assertThat(resolver.txt("_tcp.mx1.example.test")).isInstanceOf(DnsResult.NoData.class);
        assertThat(resolver.mx("broken.example.test")).isInstanceOf(DnsResult.TempFailure.class);
        DnsjavaResolver quick = new DnsjavaResolver(new DnsjavaSettings(List.of(dns.address()),
                Duration.ofMillis(300), 0, 0, Duration.ZERO));
        assertThat(quick.a("slow.example.test")).isInstanceOf(DnsResult.TempFailure.class);
    }

    @Test
    void reportsTheAdBit() {
        assertThat(resolver.a("signed.example.test").isSecure()).isTrue();
        assertThat(resolver.a("mx1.example.test").isSecure()).isFalse();
    }

    @Test
    void cachesAnswersForTheirTtl() {
        DnsjavaResolver cached = new DnsjavaResolver(DnsjavaSettings.of(dns.address()));
        cached.mx("example.test");
        int before = dns.queryCount();
        cached.mx("example.test");
        cached.mx("EXAMPLE.test.");
        assertThat(dns.queryCount()).isEqualTo(before);
    }
}
