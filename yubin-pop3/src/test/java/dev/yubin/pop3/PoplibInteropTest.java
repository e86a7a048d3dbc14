package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.net.tls.SelfSignedCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** python3's poplib as a real client: plain, STLS and implicit TLS. */
class PoplibInteropTest extends Pop3TestBase {
    private static final String SCRIPT = """
            import poplib, ssl, sys
            port, tls_port, cafile, user, password = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
            ctx = ssl.create_default_context(cafile=cafile)
            ctx.check_hostname = False
            p = poplib.POP3('127.0.0.1', port, timeout=20)
            caps = p.capa()
            print('capa', sorted(caps.keys()))
            p.stls(ctx)
            p.user(user); p.pass_(password)
            print('stat', p.stat())
            resp, listing, octets = p.list()
            print('list', [l.decode() for l in listing])
            resp, uids, octets = p.uidl()
            print('uidl', len(uids))
            resp, lines, octets = p.retr(1)
            print('retr', len(lines), lines[-1].decode(), octets)
            resp, lines, octets = p.top(2, 1)
            print('top', [l.decode() for l in lines][-1])
            print('dele', p.dele(1).decode())
            print('quit', p.quit().decode())
            s = poplib.POP3_SSL('127.0.0.1', tls_port, context=ctx, timeout=20)
            s.user(user); s.pass_(password)
            print('ssl-stat', s.stat())
            s.quit()
            """;

    @Test
    void poplibReadsAndDeletes() throws Exception {
        String m1 = Pop3Fixture.message(1, 5);
        String m2 = ".starts with a dot\r\n\r\n.body dot\r\nsecond\r\n";
        f.deliver(f.alice, m1);
        f.deliver(f.alice, m2);
        Path script = dir.resolve("pop.py");
        Files.writeString(script, SCRIPT);
        Path ca = SelfSignedCertificate.files(dir.resolve("data")).chain();
        ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), String.valueOf(f.plain.port()),
                String.valueOf(f.implicit.port()), ca.toString(), Pop3Fixture.ALICE, Pop3Fixture.PASSWORD)
                .redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (java.io.IOException e) {
            Assumptions.abort("python3 not available");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).contains("'STLS'", "'UIDL'", "'TOP'", "'USER'", "'SASL'", "'PIPELINING'");
        assertThat(lines).contains("stat (2, " + (m1.length() + m2.length()) + ")",
                "list ['1 " + m1.length() + "', '2 " + m2.length() + "']",
                "uidl 2",
                "top .body dot",
                "dele +OK Message deleted.",
                "quit +OK Bye (1 messages deleted).",
                "ssl-stat (1, " + m2.length() + ")");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("retr 10 line 5 of message 1"));
    }
}
