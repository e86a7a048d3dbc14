package dev.yubin.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.testkit.dns.LoopbackNames;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP listener over a real socket with the JDK's HTTP client ({@code mta-sts.*.test} → 127.0.0.1). */
class HttpServerTest {
    static final String POLICY = "version: STSv1\r\nmode: testing\r\nmx: mail.example.test\r\nmax_age: 604800\r\n";

    HttpServer server;
    HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void up() {
        LoopbackNames.add("mta-sts.example.test");
        LoopbackNames.add("mta-sts.other.test");
        Map<String, String> policies = Map.of("example.test", POLICY);
        server = HttpServer.start(new HttpSettings(new InetSocketAddress("127.0.0.1", 0)),
                List.of(new HealthRoutes(), new MtaStsRoutes(d -> Optional.ofNullable(policies.get(d)))));
    }

    @AfterEach
    void down() {
        server.close();
    }

    HttpResponse<String> get(String host, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthz() throws Exception {
        HttpResponse<String> r = get("127.0.0.1", "/healthz");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ok");
    }

    @Test
    void servesThePolicyOfTheDomainInTheHostHeader() throws Exception {
        HttpResponse<String> r = get("mta-sts.example.test", MtaStsRoutes.PATH);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(r.body()).isEqualTo(POLICY);
        assertThat(get("mta-sts.other.test", MtaStsRoutes.PATH).statusCode()).isEqualTo(404);
        assertThat(get("127.0.0.1", MtaStsRoutes.PATH).statusCode()).isEqualTo(404);
        assertThat(get("127.0.0.1", "/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void hostHeaderParsing() {
        assertThat(MtaStsRoutes.domain("MTA-STS.Example.COM:8080")).contains("example.com");
        assertThat(MtaStsRoutes.domain("mta-sts.example.com.")).contains("example.com");
        assertThat(MtaStsRoutes.domain("mta-sts.")).isEmpty();
        assertThat(MtaStsRoutes.domain("www.example.com")).isEmpty();
        assertThat(MtaStsRoutes.domain(null)).isEmpty();
    }
}
