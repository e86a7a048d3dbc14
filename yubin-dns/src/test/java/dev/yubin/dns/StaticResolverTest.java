package dev.yubin.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class StaticResolverTest {

    private final StaticResolver dns = StaticResolver.builder()
            .mx("Example.COM.", 10, "mx.example.com.")
            .a("mx.example.com", "192.0.2.1")
            .aaaa("mx.example.com", "2001:db8::1")
            .txt("example.com", "v=spf1 -all")
            .cname("www.example.com", "mx.example.com")
            .ptr(ip("192.0.2.1"), "mx.example.com")
            .a("_x.deep.sub.example.com", "192.0.2.9")
            .a("xn--bcher-kva.example", "192.0.2.7")
            .timeout("slow.example.com")
            .secure("mx.example.com")
            .build();

    @Test
    void answersRecordsAndFollowsCnames() {
        assertThat(dns.mx("example.com").values()).containsExactly(new MxRecord(10, "mx.example.com"));
        assertThat(dns.a("www.example.com").values()).containsExactly(ip("192.0.2.1"));
        assertThat(dns.aaaa("MX.example.com").values()).containsExactly(ip("2001:db8::1"));
        assertThat(dns.txt("example.com").values().get(0).text()).isEqualTo("v=spf1 -all");
        assertThat(dns.ptr(ip("192.0.2.1")).values()).containsExactly("mx.example.com");
    }

    @Test
    void distinguishesNxdomainNoDataAndTempFailure() {
        assertThat(dns.a("nope.example.com")).isInstanceOf(DnsResult.NxDomain.class);
        assertThat(dns.a("example.com")).isInstanceOf(DnsResult.NoData.class);
        assertThat(dns.a("sub.example.com")).isInstanceOf(DnsResult.NoData.class); // empty non-terminal
        assertThat(dns.txt("slow.example.com")).isInstanceOf(DnsResult.TempFailure.class);
        assertThat(dns.a("bad..example.com")).isInstanceOf(DnsResult.NxDomain.class);
        assertThat(dns.a("example.com").isEmptyAnswer()).isTrue();
    }

    @Test
    void queriesIdnInALabelForm() {
        assertThat(dns.a("bücher.example").values()).containsExactly(ip("192.0.2.7"));
    }

    @Test
    void reportsDnssecState() {
        assertThat(dns.a("mx.example.com").isSecure()).isTrue();
        assertThat(dns.a("www.example.com").isSecure()).isFalse();
    }

    @Test
    void reverseNames() {
        assertThat(DnsNames.reverseName(ip("192.0.2.1"))).isEqualTo("1.2.0.192.in-addr.arpa");
        assertThat(DnsNames.reverseName(ip("2001:db8::1")))
                .isEqualTo("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
