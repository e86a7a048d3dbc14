package dev.yubin.auth.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.testkit.dns.LoopbackNames;
import dev.yubin.testkit.tls.TestHttpsServer;
import dev.yubin.testkit.tls.TestHttpsServer.Response;
import dev.yubin.testkit.tls.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTPS fetcher against a real HTTPS server on loopback: {@code mta-sts.*.test} names resolve
 * to 127.0.0.1 ({@link LoopbackNames}), so SNI and the certificate check use the real names.
 */
class HttpsMtaStsFetcherTest {
    static final String PATH = "/.well-known/mta-sts.txt";
    static final String POLICY = "version: STSv1\r\nmode: enforce\r\nmx: mx.good.test\r\nmax_age: 86400\r\n";
    static final TestPki PKI = TestPki.create("Yubin Test CA");

    TestHttpsServer server;

    @BeforeEach
    void up() throws Exception {
        for (String d : new String[] {"good.test", "wrongname.test", "other.test"}) {
            LoopbackNames.add("mta-sts." + d);
        }
        server = TestHttpsServer.start(PKI.issue("mta-sts.good.test", "mta-sts.other.test").serverContext());
    }

    @AfterEach
    void down() {
        server.close();
    }

    HttpsMtaStsFetcher fetcher() {
        return new HttpsMtaStsFetcher(PKI.clientContext(), Duration.ofSeconds(5), server.port());
    }

    @Test
    void fetchesAValidPolicy() {
        server.serve("mta-sts.good.test", PATH, Response.text(POLICY));
        MtaStsFetcher.Result r = fetcher().fetch("good.test");
        assertThat(r).isEqualTo(new MtaStsFetcher.Fetched(POLICY));
    }

    @Test
    void refusesRedirectsOtherStatusesAndTypes() {
        server.serve("mta-sts.good.test", PATH, new Response(301, "text/plain", new byte[0],
                Map.of("Location", "https://mta-sts.other.test" + PATH)));
        server.serve("mta-sts.other.test", PATH, Response.text(POLICY));
        assertThat(fetcher().fetch("good.test")).isInstanceOf(MtaStsFetcher.Failed.class); // RFC 8461 §3.3
        server.serve("mta-sts.good.test", PATH, new Response(200, "text/html", POLICY.getBytes(StandardCharsets.UTF_8),
                Map.of()));
        assertThat(fetcher().fetch("good.test")).isInstanceOf(MtaStsFetcher.Failed.class);
        server.serve("mta-sts.good.test", PATH, new Response(404, "text/plain", new byte[0], Map.of()));
        assertThat(fetcher().fetch("good.test")).isInstanceOf(MtaStsFetcher.Failed.class);
    }

    @Test
    void refusesPoliciesOverTheSizeLimit() {
        String big = POLICY + "x-padding: " + "a".repeat(HttpsMtaStsFetcher.MAX_BODY) + "\r\n";
        server.serve("mta-sts.good.test", PATH, Response.text(big));
        assertThat(fetcher().fetch("good.test")).isInstanceOf(MtaStsFetcher.Failed.class);
    }

    @Test
    void refusesACertificateForAnotherNameOrFromAnUnknownCa() {
        server.serve("mta-sts.wrongname.test", PATH, Response.text(POLICY));
        MtaStsFetcher.Result wrongName = fetcher().fetch("wrongname.test"); // certificate lacks mta-sts.wrongname.test
        assertThat(wrongName).isInstanceOf(MtaStsFetcher.Failed.class);
        server.serve("mta-sts.good.test", PATH, Response.text(POLICY));
        HttpsMtaStsFetcher untrusting = new HttpsMtaStsFetcher(TestPki.create("Other CA").clientContext(),
                Duration.ofSeconds(5), server.port());
        assertThat(untrusting.fetch("good.test")).isInstanceOf(MtaStsFetcher.Failed.class);
        assertThat(fetcher().fetch("not a domain")).isInstanceOf(MtaStsFetcher.Failed.class);
    }
}
