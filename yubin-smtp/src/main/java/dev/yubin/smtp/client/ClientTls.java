package dev.yubin.smtp.client;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS contexts for outbound STARTTLS. Opportunistic TLS (RFC 7435) encrypts without checking the
 * certificate, as MTAs do when no MTA-STS or DANE policy applies; VERIFY uses the JDK's trust
 * store and host name check. TLS 1.2 and 1.3 only.
 */
final class ClientTls {
    private static final SSLContext OPPORTUNISTIC = opportunistic();

    private ClientTls() {
    }

    static SSLContext context(ClientSettings.TlsPolicy policy) {
        try {
            return policy == ClientSettings.TlsPolicy.VERIFY ? SSLContext.getDefault() : OPPORTUNISTIC;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /** A context that trusts what {@code trust} accepts (required TLS: MTA-STS, DANE). */
    static SSLContext context(X509TrustManager trust) {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {trust}, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create TLS context", e);
        }
    }

    /**
     * The TLS handshake over a connected socket after the server's 220 to STARTTLS: with the
     * required policy's trust manager (and host name check) when present, else the settings' policy.
     */
    static SSLSocket handshake(Socket socket, String serverName, ClientSettings settings,
                               Optional<RequiredTls> required) throws IOException {
        SSLContext context = required.isPresent() ? context(required.get().trust()) : context(settings.tls());
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, serverName, socket.getPort(), true);
        ssl.setUseClientMode(true);
        ssl.setEnabledProtocols(protocols(ssl));
        boolean checkName = required.map(r -> r.names() == RequiredTls.NameCheck.HOST_NAME)
                .orElse(settings.tls() == ClientSettings.TlsPolicy.VERIFY);
        if (checkName) {
            SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS"); // RFC 8461 §4.2: the MX host name, RFC 6125 rules
            ssl.setSSLParameters(p);
        }
        ssl.setSoTimeout((int) settings.tlsTimeout().toMillis());
        ssl.startHandshake();
        return ssl;
    }

    static String[] protocols(SSLSocket socket) {
        return Arrays.stream(socket.getSupportedProtocols())
                .filter(p -> p.equals("TLSv1.3") || p.equals("TLSv1.2")).toArray(String[]::new);
    }

    private static SSLContext opportunistic() {
        X509TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // not a server
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // RFC 7435: opportunistic encryption accepts any certificate
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        return context(any);
    }
}
