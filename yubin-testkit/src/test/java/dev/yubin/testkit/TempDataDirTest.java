package dev.yubin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TempDataDirTest {
    @Test
    void createsAndRemovesATree() throws Exception {
        Path p;
        try (TempDataDir d = TempDataDir.create("test")) {
            p = d.path();
            Files.createDirectories(d.resolve("a/b"));
            Files.writeString(d.resolve("a/b/c.txt"), "x");
            assertThat(p.getFileName().toString()).startsWith("yubin-test-");
        }
        assertThat(p).doesNotExist();
    }
}
