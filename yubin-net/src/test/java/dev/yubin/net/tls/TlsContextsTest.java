package dev.yubin.net.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.net.Connection;
import dev.yubin.net.ConnectionHandler;
import dev.yubin.net.LineReader;
import dev.yubin.net.Listener;
import dev.yubin.net.ListenerSettings;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextsTest {
    @TempDir
    Path dir;

    private static Listener listener(SSLContext ctx, ListenerSettings.Tls mode, ConnectionHandler h) throws Exception {
        return new Listener(new ListenerSettings("test", new InetSocketAddress("127.0.0.1", 0), mode, 10, 10,
                Duration.ofSeconds(10)), ctx, 1000, h);
    }

    private static final ConnectionHandler HELLO = c -> {
        c.write("hello " + c.tlsSession().getProtocol() + "\r\n");
        c.flush();
        c.reader().readLine(false);
    };

    @Test
    void selfSignedCertificateIsCreatedOnceAndReused() throws Exception {
        TlsContexts first = TlsContexts.load(TlsSettings.selfSigned(dir, "mail.example.test"));
        assertThat(first.selfSigned()).isTrue();
        X509Certificate cert = first.defaultChain().get(0);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=mail.example.test");
        assertThat(cert.getSubjectAlternativeNames()).anySatisfy(san -> assertThat(san.get(1)).isEqualTo("mail.example.test"));
        CertificateFiles files = SelfSignedCertificate.files(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.key()))).isEqualTo("rw-------");
        TlsContexts second = TlsContexts.load(TlsSettings.selfSigned(dir, "mail.example.test"));
        assertThat(second.defaultChain().get(0)).isEqualTo(cert);
        TlsContexts renamed = TlsContexts.load(TlsSettings.selfSigned(dir, "mx.example.test"));
        assertThat(renamed.defaultChain().get(0).getSubjectX500Principal().getName()).isEqualTo("CN=mx.example.test");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.key()))).isEqualTo("rw-------");
        try (var left = Files.list(files.key().getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("self-signed-cert.pem", "self-signed-key.pem");
        }
    }

    @Test
    void handshakeOverLoopbackWithImplicitTls() throws Exception {
        TlsContexts tls = TlsContexts.load(TlsSettings.selfSigned(dir, "localhost"));
        try (Listener l = listener(tls.serverContext(), ListenerSettings.Tls.IMPLICIT, HELLO);
             SSLSocket s = (SSLSocket) TlsContexts.clientTrusting(tls.defaultChain()).getSocketFactory()
                     .createSocket("127.0.0.1", l.port())) {
            s.setSoTimeout(10_000);
            BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(r.readLine()).isEqualTo("hello TLSv1.3");
            assertThat(s.getSession().getPeerCertificates()[0]).isEqualTo(tls.defaultChain().get(0));
        }
    }

    @Test
    void onlyTls12And13WithAeadSuitesAreEnabled() throws Exception {
        TlsContexts tls = TlsContexts.load(TlsSettings.selfSigned(dir, "localhost"));
        try (SSLServerSocket ss = (SSLServerSocket) tls.serverContext().getServerSocketFactory().createServerSocket()) {
            assertThat(ss.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
            assertThat(ss.getEnabledCipherSuites()).allSatisfy(cs -> assertThat(TlsContexts.acceptable(cs)).isTrue());
            assertThat(ss.getEnabledCipherSuites()).contains("TLS_AES_128_GCM_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        }
        // a JDK client limited to TLS 1.2 still connects
        try (Listener l = listener(tls.serverContext(), ListenerSettings.Tls.IMPLICIT, HELLO);
             SSLSocket s = (SSLSocket) TlsContexts.clientTrusting(tls.defaultChain()).getSocketFactory()
                     .createSocket("127.0.0.1", l.port())) {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.setSoTimeout(10_000);
            assertThat(new BufferedReader(new InputStreamReader(s.getInputStream())).readLine()).isEqualTo("hello TLSv1.2");
        }
    }

    @Test
    void tls11ClientIsRefused() throws Exception {
        TlsContexts tls = TlsContexts.load(TlsSettings.selfSigned(dir, "localhost"));
        try (Listener l = listener(tls.serverContext(), ListenerSettings.Tls.IMPLICIT, HELLO)) {
            // OpenSSL, told to allow TLS 1.1 at security level 0, sends a real TLS 1.1 ClientHello
            Optional<Integer> tls11 = openssl(l.port(), "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0");
            Optional<Integer> tls12 = openssl(l.port(), "-tls1_2");
            org.junit.jupiter.api.Assumptions.assumeTrue(tls11.isPresent() && tls12.isPresent(), "openssl not available");
            assertThat(tls12.get()).isZero();
            assertThat(tls11.get()).isNotZero();
        }
    }

    private static Optional<Integer> openssl(int port, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null"))).start();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        try (InputStream in = p.getInputStream()) {
            in.readAllBytes();
        }
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("openssl hung");
        }
        return Optional.of(p.exitValue());
    }

    @Test
    void sniChoosesTheDomainCertificateElseTheDefault() throws Exception {
        Path certs = Files.createDirectory(dir.resolve("certs"));
        CertificateFiles def = TlsTestSupport.ecFiles(certs, "default.test");
        CertificateFiles org = TlsTestSupport.rsaFiles(certs, "example.org", true);
        CertificateFiles com = TlsTestSupport.rsaFiles(certs, "mail.example.com", false);
        TlsContexts tls = TlsContexts.load(new TlsSettings(Optional.of(def),
                Map.of("Example.ORG", org, "mail.example.com.", com), dir, "default.test"));
        assertThat(tls.selfSigned()).isFalse();
        List<X509Certificate> trusted = new ArrayList<>();
        for (CertificateFiles f : List.of(def, org, com)) {
            trusted.addAll(TlsTestSupport.chain(f));
        }
        try (Listener l = listener(tls.serverContext(), ListenerSettings.Tls.IMPLICIT, HELLO)) {
            assertThat(peerWithSni(l.port(), trusted, "imap.example.org")).isEqualTo("CN=example.org");
            assertThat(peerWithSni(l.port(), trusted, "example.org")).isEqualTo("CN=example.org");
            assertThat(peerWithSni(l.port(), trusted, "mail.example.com")).isEqualTo("CN=mail.example.com");
            assertThat(peerWithSni(l.port(), trusted, "other.example.com")).isEqualTo("CN=default.test");
            assertThat(peerWithSni(l.port(), trusted, null)).isEqualTo("CN=default.test");
        }
    }

    private static String peerWithSni(int port, List<X509Certificate> trusted, String host) throws Exception {
        try (SSLSocket s = (SSLSocket) TlsContexts.clientTrusting(trusted).getSocketFactory()
                .createSocket("127.0.0.1", port)) {
            if (host != null) {
                SSLParameters p = s.getSSLParameters();
                p.setServerNames(List.of(new SNIHostName(host)));
                s.setSSLParameters(p);
            }
            s.setSoTimeout(10_000);
            s.startHandshake();
            return TlsTestSupport.cn((X509Certificate) s.getSession().getPeerCertificates()[0]);
        }
    }

    @Test
    void pemKeysInEveryFormLoadAndMismatchesAreRefused() throws Exception {
        CertificateFiles pkcs1 = TlsTestSupport.rsaFiles(dir, "a.test", false);
        CertificateFiles pkcs8 = TlsTestSupport.rsaFiles(dir, "b.test", true);
        CertificateFiles sec1 = TlsTestSupport.opensslEcFiles(dir, "c.test");
        org.junit.jupiter.api.Assumptions.assumeTrue(sec1 != null, "openssl not available");
        assertThat(Files.readString(pkcs1.key())).contains("BEGIN RSA PRIVATE KEY");
        assertThat(Files.readString(pkcs8.key())).contains("BEGIN PRIVATE KEY");
        assertThat(Files.readString(sec1.key())).contains("BEGIN EC PRIVATE KEY");
        for (CertificateFiles f : List.of(pkcs1, pkcs8, sec1)) {
            assertThat(PemFiles.load(f).chain()).hasSize(1);
        }
        assertThatThrownBy(() -> PemFiles.load(new CertificateFiles(pkcs1.chain(), pkcs8.key())))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("does not match");
        Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
        assertThatThrownBy(() -> PemFiles.load(new CertificateFiles(dir.resolve("empty.pem"), pkcs1.key())))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("no PEM certificate");
    }

    @Test
    void startTlsDiscardsPlaintextPipelinedBeforeTheHandshake() throws Exception {
        TlsContexts tls = TlsContexts.load(TlsSettings.selfSigned(dir, "localhost"));
        ConnectionHandler echo = c -> {
            LineReader.Line line = c.reader().readLine(false);
            if (!line.text().equals("STARTTLS")) {
                return;
            }
            c.write("GO\r\n");
            c.flush();
            c.startTls(tls.serverContext());
            while (true) {
                LineReader.Line l = c.reader().readLine(false);
                if (l.status() == LineReader.Line.Status.EOF) {
                    return;
                }
                c.write("GOT " + l.text() + "\r\n");
                c.flush();
            }
        };
        try (Listener l = listener(null, ListenerSettings.Tls.PLAIN, echo);
             Socket raw = new Socket("127.0.0.1", l.port())) {
            raw.setSoTimeout(10_000);
            raw.getOutputStream().write("STARTTLS\r\nINJECTED\r\n".getBytes(StandardCharsets.US_ASCII));
            raw.getOutputStream().flush();
            InputStream in = raw.getInputStream();
            StringBuilder go = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                go.append((char) b);
            }
            assertThat(go.toString()).isEqualTo("GO\r");
            try (SSLSocket s = (SSLSocket) TlsContexts.clientTrusting(tls.defaultChain()).getSocketFactory()
                    .createSocket(raw, "localhost", l.port(), true)) {
                s.startHandshake();
                s.getOutputStream().write("HELLO\r\n".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                assertThat(r.readLine()).isEqualTo("GOT HELLO");
            }
        }
    }
}
