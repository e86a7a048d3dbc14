package dev.yubin.pop3;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh server and store per test. */
abstract class Pop3TestBase {
    @TempDir
    Path dir;

    Pop3Fixture f;

    @BeforeEach
    void start() throws Exception {
        f = new Pop3Fixture(dir);
    }

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }
}
