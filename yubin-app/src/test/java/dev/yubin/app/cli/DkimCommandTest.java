package dev.yubin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.app.Main;
import dev.yubin.app.dkim.DkimKeyStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Year;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yubin dkim ...} and {@code yubin dns DOMAIN} against a fresh data directory. */
class DkimCommandTest {
    @TempDir
    Path dir;
    Path config;
    Path data;

    record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            String[] full = new String[args.length + 2];
            System.arraycopy(args, 0, full, 0, args.length);
            full[args.length] = "--config";
            full[args.length + 1] = config.toString();
            return new Result(Main.run(full), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        data = dir.resolve("data");
        config = dir.resolve("yubin.yaml");
        Files.writeString(config, "data-dir: " + data + "\nhostname: mail.example.org\n");
        assertThat(run("domain", "add", "example.org").code()).isZero();
    }

    @Test
    void generateListRotateRetireAndDns() throws Exception {
        String year = String.valueOf(Year.now(Clock.systemUTC()).getValue());
        Result g = run("dkim", "generate", "example.org");
        assertThat(g.code()).as(g.err()).isZero();
        assertThat(g.out()).contains("y" + year + "e._domainkey.example.org.\t3600\tIN\tTXT\t\"v=DKIM1; k=ed25519; p=")
                .contains("y" + year + "a._domainkey.example.org.\t3600\tIN\tTXT\t( \"v=DKIM1; k=rsa; p=");
        Path pem = data.resolve("dkim/example.org/y" + year + "e.ed25519.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pem))).isEqualTo("rw-------");
        assertThat(Files.readString(data.resolve("dkim/example.org/active")))
                .contains("y" + year + "e").contains("y" + year + "a");

        // rotation: the new Ed25519 key becomes active, the old one stays published
        Result r = run("dkim", "generate", "example.org", "--algorithm", "ed25519", "--selector", "next");
        assertThat(r.code()).as(r.err()).isZero();
        Result list = run("dkim", "list");
        assertThat(list.out()).contains("example.org\tnext\ted25519\tactive")
                .contains("example.org\ty" + year + "e\ted25519\tpublished")
                .contains("example.org\ty" + year + "a\trsa\tactive");
        DkimKeyStore store = new DkimKeyStore(data.resolve("dkim"), Clock.systemUTC());
        assertThat(store.signerFor("example.org")).isPresent();

        Result dns = run("dns", "example.org");
        assertThat(dns.code()).as(dns.err()).isZero();
        assertThat(dns.out()).contains("example.org.\t3600\tIN\tMX\t10 mail.example.org.")
                .contains("\"v=spf1 mx -all\"")
                .contains("next._domainkey.example.org.").contains("y" + year + "e._domainkey.example.org.")
                .contains("y" + year + "a._domainkey.example.org.")
                .contains("_dmarc.example.org.\t3600\tIN\tTXT\t\"v=DMARC1; p=quarantine; rua=mailto:postmaster@example.org\"")
                .contains("_mta-sts.example.org.").contains("_smtp._tls.example.org.")
                .contains("_submissions._tcp.example.org.").contains("autoconfig.example.org.")
                .contains(";   mode: testing");

        // the active key cannot be retired; the old one can, and is then no longer published
        Result active = run("dkim", "retire", "example.org", "next");
        assertThat(active.code()).isEqualTo(1);
        assertThat(active.err().strip()).startsWith("yubin: selector next is active").doesNotContain("\n");
        assertThat(run("dkim", "retire", "example.org", "y" + year + "e").code()).isZero();
        assertThat(run("dns", "example.org").out()).doesNotContain("y" + year + "e._domainkey")
                .contains("next._domainkey");
    }

    @Test
    void unknownDomainAndBadArgumentsAreOneLineErrors() {
        Result notLocal = run("dkim", "generate", "other.example");
        assertThat(notLocal.code()).isEqualTo(1);
        assertThat(notLocal.err().strip()).startsWith("yubin: not a local domain: other.example").doesNotContain("\n");
        assertThat(run("dns", "other.example").code()).isEqualTo(1);
        assertThat(run("dkim", "list", "other.example").code()).isEqualTo(1);
        Result alg = run("dkim", "generate", "example.org", "--algorithm", "dsa");
        assertThat(alg.code()).isEqualTo(1);
        assertThat(alg.err()).contains("unknown DKIM algorithm");
        assertThat(run("dkim", "generate", "example.org", "--selector", "s1").code()).isEqualTo(1);
        assertThat(run("dkim", "generate", "example.org", "--algorithm", "rsa", "--selector", "bad_sel").code())
                .isEqualTo(1);
        assertThat(run("dkim", "generate", "example.org", "--algorithm", "rsa", "--selector", "s1").code()).isZero();
        Result dup = run("dkim", "generate", "example.org", "--algorithm", "ed25519", "--selector", "s1");
        assertThat(dup.code()).isEqualTo(1);
        assertThat(dup.err()).contains("already exists");
    }
}
