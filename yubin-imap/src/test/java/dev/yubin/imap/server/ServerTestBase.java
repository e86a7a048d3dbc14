package dev.yubin.imap.server;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Starts a fresh server over a fresh store for each test. */
abstract class ServerTestBase {
    @TempDir
    Path dir;
    ImapFixture fx;

    @BeforeEach
    void start() throws IOException {
        fx = new ImapFixture(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    static String joined(java.util.List<String> lines) {
        return String.join("\n", lines);
    }
}
