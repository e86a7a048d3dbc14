package dev.yubin.testkit.tls;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS server on 127.0.0.1:0 (the JDK's {@code com.sun.net.httpserver}) answering what a
 * test sets per host name and path, e.g. an MTA-STS policy for
 * {@code mta-sts.example.test /.well-known/mta-sts.txt}. Unknown host or path: 404.
 */
public final class TestHttpsServer implements AutoCloseable {

    /** One canned response. */
    public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Response text(String body) {
            return new Response(200, "text/plain", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    private final HttpsServer server;
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private TestHttpsServer(SSLContext tls) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server presenting the certificate of {@code tls} (a server-side context). */
    public static TestHttpsServer start(SSLContext tls) throws IOException {
        return new TestHttpsServer(tls);
    }

    /** From now on, GET {@code path} with Host {@code host} answers {@code r}. */
    public TestHttpsServer serve(String host, String path, Response r) {
        responses.put(host.toLowerCase(Locale.ROOT) + path, r);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests received so far. */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange x) throws IOException {
        requests.incrementAndGet();
        String host = String.valueOf(x.getRequestHeaders().getFirst("Host")).toLowerCase(Locale.ROOT);
        int colon = host.indexOf(':');
        host = colon >= 0 ? host.substring(0, colon) : host;
        Response r = responses.getOrDefault(host + x.getRequestURI().getPath(),
                new Response(404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8), Map.of()));
        x.getResponseHeaders().set("Content-Type", r.contentType());
        r.headers().forEach((k, v) -> x.getResponseHeaders().set(k, v));
        x.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(r.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
