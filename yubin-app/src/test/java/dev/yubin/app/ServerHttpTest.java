package dev.yubin.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.app.config.Config;
import dev.yubin.core.Domain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composition root's HTTP listener over a real socket with curl: /healthz, and the MTA-STS
 * policy for {@code mta-sts.DOMAIN} of a local domain, the same text {@code yubin dns} prints.
 */
class ServerHttpTest {
    @TempDir
    Path dir;

    @Test
    void servesHealthAndOurMtaStsPolicy() throws Exception {
        Path data = dir.resolve("data");
        try (Stores s = Stores.open(data)) {
            s.directory().addDomain(Domain.parse("example.test"));
        }
        Config config = Config.parse("data-dir: " + data + "\nhostname: mail.example.test\n"
                + "smtp:\n  listen: off\nsubmission:\n  listen: off\nsubmissions:\n  listen: off\n"
                + "imap:\n  listen: off\nimaps:\n  listen: off\npop3:\n  listen: off\npop3s:\n  listen: off\n"
                + "http:\n  listen: 127.0.0.1:0\nmta-sts:\n  mode: enforce\n");
        try (Server server = Server.start(config)) {
            int port = server.port("http");
            assertThat(curl("127.0.0.1", port, "/healthz")).isEqualTo("200 ok");
            String policy = MtaStsPublishing.from(config, "mail.example.test").policyText();
            assertThat(policy).isEqualTo("version: STSv1\r\nmode: enforce\r\nmx: mail.example.test\r\n"
                    + "max_age: 604800\r\n");
            assertThat(curl("mta-sts.example.test", port, "/.well-known/mta-sts.txt")).isEqualTo("200 " + policy);
            assertThat(curl("mta-sts.unknown.test", port, "/.well-known/mta-sts.txt")).startsWith("404 ");
        }
    }

    /** "STATUS BODY" of a GET to 127.0.0.1:port with the given Host header. */
    private static String curl(String host, int port, String path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("curl", "-s", "--max-time", "10", "-H", "Host: " + host,
                "-w", "\n%{http_code}", "http://127.0.0.1:" + port + path)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        int nl = out.lastIndexOf('\n');
        return out.substring(nl + 1) + " " + out.substring(0, nl);
    }
}
