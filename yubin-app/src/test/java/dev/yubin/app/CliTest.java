package dev.yubin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administration CLI against a real data directory: results, one-line errors, exit codes. */
class CliTest {
    @TempDir
    Path dir;
    Path config;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("yubin.yaml");
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\n");
    }

    Result run(String stdin, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            String[] full = new String[args.length + 2];
            System.arraycopy(args, 0, full, 0, args.length);
            full[args.length] = "--config";
            full[args.length + 1] = config.toString();
            int code = Main.run(full);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    @Test
    void domainsUsersAliasesAndMailboxes() {
        assertThat(run("", "domain", "add", "Example.ORG").code()).isZero();
        assertThat(run("", "domain", "list").out()).isEqualTo("example.org\n");
        assertThat(run("secret\n", "user", "add", "alice@example.org", "--password-stdin").code()).isZero();
        assertThat(run("", "user", "list").out()).contains("alice@example.org");
        assertThat(run("", "alias", "add", "@example.org", "alice@example.org").code()).isZero();
        assertThat(run("", "alias", "add", "sales@example.org", "alice@example.org", "bob@elsewhere.test").code()).isZero();
        assertThat(run("", "alias", "list").out()).contains("@example.org\talice@example.org")
                .contains("sales@example.org\talice@example.org, bob@elsewhere.test");
        String boxes = run("", "mailbox", "list", "alice@example.org").out();
        assertThat(boxes).contains("INBOX").contains("Sent").contains("Drafts").contains("Trash").contains("Junk")
                .contains("Archive");
        Result index = run("", "mailbox", "index");
        assertThat(index.code()).isZero();
        assertThat(index.out()).startsWith("indexed 0 messages");
        assertThat(run("other\n", "user", "passwd", "alice@example.org", "--password-stdin").code()).isZero();
        assertThat(run("", "alias", "remove", "sales@example.org").code()).isZero();
        assertThat(run("", "alias", "remove", "@example.org").code()).isZero();
        assertThat(run("", "user", "remove", "alice@example.org").code()).isZero();
        assertThat(run("", "domain", "remove", "example.org").code()).isZero();
        assertThat(run("", "domain", "list").out()).isEmpty();
    }

    @Test
    void errorsAreOneLineAndNonZero() {
        run("", "domain", "add", "example.org");
        Result dup = run("", "domain", "add", "example.org");
        assertThat(dup.code()).isNotZero();
        assertThat(dup.err().strip()).startsWith("yubin:").doesNotContain("\n").doesNotContain("Exception");

        Result badDomain = run("pw\n", "user", "add", "bob@unknown.test", "--password-stdin");
        assertThat(badDomain.code()).isNotZero();
        assertThat(badDomain.err().strip()).doesNotContain("\n");

        Result badAddress = run("pw\n", "user", "add", "not-an-address", "--password-stdin");
        assertThat(badAddress.code()).isNotZero();
        assertThat(badAddress.err().strip()).doesNotContain("\n");

        Result missing = run("", "user", "add");
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err().strip()).doesNotContain("\n");

        Result noPassword = run("", "user", "add", "carol@example.org", "--password-stdin");
        assertThat(noPassword.code()).isNotZero();
        assertThat(run("", "user", "list").out()).doesNotContain("carol");

        Result stillUsed = run("pw\n", "user", "add", "dave@example.org", "--password-stdin");
        assertThat(stillUsed.code()).isZero();
        Result removeBusy = run("", "domain", "remove", "example.org");
        assertThat(removeBusy.code()).isNotZero();
        assertThat(run("", "domain", "list").out()).contains("example.org");

        Result unknownMailboxUser = run("", "mailbox", "list", "nobody@example.org");
        assertThat(unknownMailboxUser.code()).isNotZero();
    }

    @Test
    void badConfigurationNamesTheKey() throws Exception {
        Files.writeString(config, "smtp:\n  max-mesage-size: 5\n");
        Result r = run("", "config", "check");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("smtp.max-mesage-size");
    }
}
