package dev.yubin.smtp.server.submission;

import dev.yubin.net.tls.TlsContexts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs real clients (python3, swaks, openssl) for the interop tests. */
final class PythonRun {
    private PythonRun() {
    }

    static String run(String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", script));
        cmd.addAll(List.of(args));
        return exec(cmd, 60);
    }

    static String exec(List<String> cmd, int seconds) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done || p.exitValue() != 0) {
            throw new AssertionError(cmd.get(0) + " failed: " + out);
        }
        return out;
    }

    static boolean onPath(String program) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "command -v " + program).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** The server's certificate as a PEM file clients can trust. */
    static Path writeCa(Path dir, TlsContexts tls) throws IOException {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate c : tls.defaultChain()) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IOException(e);
            }
        }
        Path f = dir.resolve("ca.pem");
        Files.writeString(f, pem);
        return f;
    }
}
