package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** python3's imaplib against the real server, including IDLE (bounded: 60 s). */
class PythonImaplibInteropTest extends ServerTestBase {

    @Test
    void imaplibSession() throws Exception {
        Path script = dir.resolve("imaplib_client.py");
        try (InputStream in = getClass().getResourceAsStream("/interop/imaplib_client.py")) {
            Files.write(script, in.readAllBytes());
        }
        ProcessBuilder pb;
        try {
            pb = new ProcessBuilder("python3", script.toString(), Integer.toString(fx.port()), ImapFixture.PASSWORD)
                    .redirectErrorStream(true);
        } catch (RuntimeException e) {
            assumeTrue(false, "python3 missing");
            return;
        }
        Process p = pb.start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as(output).isTrue();
        assertThat(output).as(output).contains("PASS");
        assertThat(p.exitValue()).isZero();
    }
}
