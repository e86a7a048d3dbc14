package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.SmtpFixture;
import dev.yubin.testkit.smtp.SmtpTestClient;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One real server per test class (see {@link SmtpFixture} for its users). */
abstract class ServerTestBase {
    @TempDir
    static Path dir;
    static SmtpFixture fx;

    @BeforeAll
    static void startServer() throws IOException {
        fx = SmtpFixture.start(dir.resolve("data"));
    }

    @AfterAll
    static void stopServer() {
        fx.close();
    }

    static SmtpTestClient greeted() throws IOException {
        return fx.greeted();
    }

    static String reply(SmtpTestClient.Reply r) {
        return r.code() + " " + r.text();
    }
}
