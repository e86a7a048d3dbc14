package dev.yubin.auth.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.dns.DnsResult;
import dev.yubin.dns.MxRecord;
import dev.yubin.dns.Resolver;
import dev.yubin.dns.StaticResolver;
import dev.yubin.dns.TlsaRecord;
import dev.yubin.dns.TxtRecord;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 8461 §5.1 caching: id changes, max_age, failed fetches, persistence. */
class MtaStsCacheTest {
    static final String ENFORCE = "version: STSv1\r\nmode: enforce\r\nmx: mx.a.test\r\nmax_age: 86400\r\n";
    static final String TESTING = "version: STSv1\r\nmode: testing\r\nmx: *.a.test\r\nmax_age: 86400\r\n";

    @TempDir
    Path dir;

    /** A resolver whose zone a test can swap. */
    static final class SwappableResolver implements Resolver {
        final AtomicReference<Resolver> zone = new AtomicReference<>();

        void record(String text) {
            zone.set(text == null ? StaticResolver.builder().build()
                    : StaticResolver.builder().txt("_mta-sts.a.test", text).build());
        }

        @Override
        public DnsResult<MxRecord> mx(String name) {
            return zone.get().mx(name);
        }

        @Override
        public DnsResult<InetAddress> a(String name) {
            return zone.get().a(name);
        }

        @Override
        public DnsResult<InetAddress> aaaa(String name) {
            return zone.get().aaaa(name);
        }

        @Override
        public DnsResult<TxtRecord> txt(String name) {
            return zone.get().txt(name);
        }

        @Override
        public DnsResult<String> ptr(InetAddress address) {
            return zone.get().ptr(address);
        }

        @Override
        public DnsResult<TlsaRecord> tlsa(String name) {
            return zone.get().tlsa(name);
        }
    }

    /** A fetcher answering a settable body (null = failure), counting calls. */
    static final class ScriptedFetcher implements MtaStsFetcher {
        final AtomicReference<String> body = new AtomicReference<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public Result fetch(String domain) {
            calls.add(domain);
            String b = body.get();
            return b == null ? new Failed("connection refused") : new Fetched(b);
        }
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    SwappableResolver dns = new SwappableResolver();
    ScriptedFetcher fetcher = new ScriptedFetcher();
    MutableClock clock = new MutableClock();

    MtaStsCache cache() {
        return new MtaStsCache(dns, fetcher, new FileMtaStsPolicyStore(dir), clock);
    }

    @Test
    void fetchesOnceAndReusesWhileTheIdIsTheSame() {
        dns.record("v=STSv1; id=one");
        fetcher.body.set(ENFORCE);
        MtaStsCache c = cache();
        assertThat(c.policy("a.test")).map(MtaStsPolicy::mode).contains(MtaStsPolicy.Mode.ENFORCE);
        assertThat(c.policy("A.TEST")).isPresent();
        assertThat(fetcher.calls).hasSize(1);
    }

    @Test
    void aNewIdMeansANewFetch() {
        dns.record("v=STSv1; id=one");
        fetcher.body.set(ENFORCE);
        MtaStsCache c = cache();
        c.policy("a.test");
        dns.record("v=STSv1; id=two");
        fetcher.body.set(TESTING);
        assertThat(c.policy("a.test")).map(MtaStsPolicy::mode).contains(MtaStsPolicy.Mode.TESTING);
        assertThat(fetcher.calls).hasSize(2);
    }

    @Test
    void aFailedFetchKeepsTheCachedPolicyUntilItExpires() {
        dns.record("v=STSv1; id=one");
        fetcher.body.set(ENFORCE);
        MtaStsCache c = cache();
        c.policy("a.test");
        dns.record("v=STSv1; id=two");
        fetcher.body.set(null); // RFC 8461 §5.1: an attacker blocks the fetch
        assertThat(c.policy("a.test")).map(MtaStsPolicy::mode).contains(MtaStsPolicy.Mode.ENFORCE);
        fetcher.body.set("<html>garbage</html>");
        clock.now = clock.now.plus(MtaStsCache.RETRY_AFTER_FAILURE).plusSeconds(1);
        assertThat(c.policy("a.test")).map(MtaStsPolicy::mode).contains(MtaStsPolicy.Mode.ENFORCE);
        dns.record(null); // TXT record gone: the cached policy still holds
        assertThat(c.policy("a.test")).isPresent();
        clock.now = clock.now.plus(Duration.ofDays(1)); // max_age passed
        assertThat(c.policy("a.test")).isEmpty();
    }

    @Test
    void aPolicyInUseIsRefreshedBeforeItExpires() {
        dns.record("v=STSv1; id=one");
        fetcher.body.set(ENFORCE);
        MtaStsCache c = cache();
        c.policy("a.test");
        clock.now = clock.now.plus(Duration.ofHours(13)); // past half of max_age (1 day)
        fetcher.body.set(null);
        assertThat(c.policy("a.test")).isPresent(); // a failed refresh keeps the policy
        fetcher.body.set(ENFORCE);
        clock.now = clock.now.plus(MtaStsCache.RETRY_AFTER_FAILURE).plusSeconds(1);
        assertThat(c.policy("a.test")).isPresent();
        assertThat(fetcher.calls).hasSize(3);
        clock.now = clock.now.plus(Duration.ofHours(20)); // beyond the first fetch's max_age, within the refreshed one
        fetcher.body.set(null);
        assertThat(c.policy("a.test")).isPresent(); // refresh tried and failed: the refreshed policy holds
        assertThat(fetcher.calls).hasSize(4);
    }

    @Test
    void failedFetchesAreNotRepeatedAtOnce() {
        dns.record("v=STSv1; id=one");
        MtaStsCache c = cache();
        assertThat(c.policy("a.test")).isEmpty();
        assertThat(c.policy("a.test")).isEmpty();
        assertThat(fetcher.calls).hasSize(1);
        clock.now = clock.now.plus(MtaStsCache.RETRY_AFTER_FAILURE).plusSeconds(1);
        fetcher.body.set(ENFORCE);
        assertThat(c.policy("a.test")).isPresent();
    }

    @Test
    void noRecordAndNoCacheMeansNoPolicy() {
        dns.record(null);
        assertThat(cache().policy("a.test")).isEmpty();
        assertThat(fetcher.calls).isEmpty();
    }

    @Test
    void theCacheSurvivesARestart() {
        dns.record("v=STSv1; id=one");
        fetcher.body.set(ENFORCE);
        cache().policy("a.test");
        fetcher.body.set(null);
        MtaStsCache restarted = cache();
        assertThat(restarted.policy("a.test")).map(MtaStsPolicy::mx).contains(List.of("mx.a.test"));
        assertThat(fetcher.calls).hasSize(1); // same id: no new fetch after the restart
        dns.record(null);
        assertThat(cache().policy("a.test")).isPresent(); // persisted and unexpired, even without TXT
    }

    @Test
    void storeIgnoresNamesThatAreNotDomains() {
        FileMtaStsPolicyStore store = new FileMtaStsPolicyStore(dir);
        MtaStsPolicy p = MtaStsPolicy.parse(ENFORCE).orElseThrow();
        store.put("../evil", new CachedPolicy("x", p, Instant.now()));
        assertThat(store.get("../evil")).isEmpty();
        assertThat(dir.getParent().resolve("evil.properties")).doesNotExist();
        assertThat(MtaStsPolicy.parse(p.text())).contains(p);
    }
}
