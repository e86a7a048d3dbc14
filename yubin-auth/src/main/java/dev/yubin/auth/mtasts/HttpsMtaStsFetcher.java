package dev.yubin.auth.mtasts;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * {@link MtaStsFetcher} over HTTPS with the JDK's {@link HttpClient} (RFC 8461 §3.3): the server
 * certificate is validated (PKIX through the given {@link SSLContext}, host name
 * {@code mta-sts.DOMAIN} checked by the client), redirects are refused, the body is limited to
 * {@link #MAX_BODY} octets, and connect + response are bounded by one timeout.
 */
public final class HttpsMtaStsFetcher implements MtaStsFetcher {

    /** RFC 8461 §3.3 suggests a limit such as 64 KiB for the policy body. */
    public static final int MAX_BODY = 64 * 1024;
    /** How long a fetch may take, connection included. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The HTTPS port (tests serve the policy on an ephemeral port instead). */
    public static final int HTTPS_PORT = 443;

    private final HttpClient client;
    private final Duration timeout;
    private final int port;

    /**
     * @param tls the trust store used to validate the policy host (PKIX)
     * @param timeout bound on connecting and on receiving the whole response
     * @param port {@link #HTTPS_PORT} in production
     */
    public HttpsMtaStsFetcher(SSLContext tls, Duration timeout, int port) {
        this.client = HttpClient.newBuilder()
                .sslContext(tls)
                .followRedirects(HttpClient.Redirect.NEVER) // RFC 8461 §3.3: redirects MUST NOT be followed
                .connectTimeout(timeout)
                .build();
        this.timeout = timeout;
        this.port = port;
    }

    /** The production fetcher: the JDK's default trust store, port 443, {@link #DEFAULT_TIMEOUT}. */
    public static HttpsMtaStsFetcher system() {
        try {
            return new HttpsMtaStsFetcher(SSLContext.getDefault(), DEFAULT_TIMEOUT, HTTPS_PORT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    @Override
    public Result fetch(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (!d.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            return new Failed("not a domain name: " + domain);
        }
        URI uri = URI.create("https://mta-sts." + d + (port == HTTPS_PORT ? "" : ":" + port)
                + "/.well-known/mta-sts.txt"); // RFC 8461 §3.3
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return new Failed("HTTP " + response.statusCode() + " from " + uri); // RFC 8461 §3.3: 3xx not followed
                }
                String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
                if (!type.startsWith("text/plain")) {
                    return new Failed("media type '" + type + "' from " + uri + " is not text/plain"); // RFC 8461 §3.2
                }
                byte[] bytes = body.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    return new Failed("policy from " + uri + " exceeds " + MAX_BODY + " octets");
                }
                return new Fetched(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
            }
        } catch (CharacterCodingException e) {
            return new Failed("policy from " + uri + " is not UTF-8");
        } catch (IOException e) {
            return new Failed("fetching " + uri + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted while fetching " + uri);
        }
    }
}
