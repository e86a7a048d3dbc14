package dev.yubin.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.dns.DnsResult;
import dev.yubin.dns.MxRecord;
import dev.yubin.dns.Resolver;
import dev.yubin.dns.StaticResolver;
import dev.yubin.dns.TlsaRecord;
import dev.yubin.dns.TxtRecord;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpfTimeLimitTest {

    /** Every answer takes 100 ms, like a far-away DNS server. */
    private record SlowResolver(Resolver delegate) implements Resolver {
        private static void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public DnsResult<MxRecord> mx(String name) {
            pause();
            return delegate.mx(name);
        }

        @Override
        public DnsResult<InetAddress> a(String name) {
            pause();
            return delegate.a(name);
        }

        @Override
        public DnsResult<InetAddress> aaaa(String name) {
            pause();
            return delegate.aaaa(name);
        }

        @Override
        public DnsResult<TxtRecord> txt(String name) {
            pause();
            return delegate.txt(name);
        }

        @Override
        public DnsResult<String> ptr(InetAddress address) {
            pause();
            return delegate.ptr(address);
        }

        @Override
        public DnsResult<TlsaRecord> tlsa(String name) {
            pause();
            return delegate.tlsa(name);
        }
    }

    @Test
    void aCheckThatOutlivesItsTimeLimitIsATempError() throws Exception {
        StaticResolver zone = StaticResolver.builder()
                .txt("slow.example", "v=spf1 a:a1.slow.example a:a2.slow.example a:a3.slow.example a:a4.slow.example -all")
                .a("a1.slow.example", "192.0.2.1").a("a2.slow.example", "192.0.2.2")
                .a("a3.slow.example", "192.0.2.3").a("a4.slow.example", "192.0.2.4")
                .build();
        SpfLimits limits = new SpfLimits(10, 2, 10, 10, Duration.ofMillis(250));
        SpfResult r = new SpfVerifier(new SlowResolver(zone), limits)
                .check(InetAddress.getByName("192.0.2.4"), "a@slow.example", "h.example");
        assertThat(r).isInstanceOf(SpfResult.TempError.class);
        assertThat(r.mechanism()).contains("DNS error");
        SpfResult ok = new SpfVerifier(new SlowResolver(zone), SpfLimits.RFC7208)
                .check(InetAddress.getByName("192.0.2.4"), "a@slow.example", "h.example");
        assertThat(ok).isInstanceOf(SpfResult.Pass.class);
    }
}
