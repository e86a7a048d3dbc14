package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** fetchmail downloads the mailbox over STLS and deletes what it fetched. */
class FetchmailInteropTest extends Pop3TestBase {
    @Test
    void fetchmailDownloadsTheMailbox() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/fetchmail")), "fetchmail not installed");
        for (int i = 1; i <= 5; i++) {
            f.deliver(f.alice, Pop3Fixture.message(i, 50));
        }
        Path home = Files.createDirectory(dir.resolve("fetchhome"));
        Path out = home.resolve("out.mbox");
        Path ca = dev.yubin.net.tls.SelfSignedCertificate.files(dir.resolve("data")).chain();
        Path rc = home.resolve("fetchmailrc");
        Files.writeString(rc, "poll 127.0.0.1 service " + f.plain.port() + " protocol POP3 auth password timeout 30\n"
                + "  user \"" + Pop3Fixture.ALICE + "\" password \"" + Pop3Fixture.PASSWORD + "\"\n"
                + "  sslproto tls1.2+ sslcertck sslcertfile \"" + ca + "\" sslcommonname localhost\n"
                + "  fetchall nokeep mda \"/bin/sh -c 'cat >> " + out + "'\"\n");
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        ProcessBuilder pb = new ProcessBuilder("fetchmail", "-f", rc.toString(), "--nosyslog", "-N", "-v",
                "--pidfile", home.resolve("pid").toString()).redirectErrorStream(true);
        pb.environment().put("FETCHMAILHOME", home.toString());
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("STLS");
        String mbox = Files.readString(out);
        for (int i = 1; i <= 5; i++) {
            assertThat(mbox).contains("Subject: message " + i, "line 50 of message " + i);
        }
        assertThat(f.store.messages(f.inbox(f.alice).id())).isEmpty();
    }
}
