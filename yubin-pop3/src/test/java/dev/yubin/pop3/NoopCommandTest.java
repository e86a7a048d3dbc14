package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoopCommandTest extends Pop3TestBase {
    @Test
    void answersOkOnlyInTransaction() throws Exception {
        try (Pop3Client c = f.client()) {
            assertThat(c.command("NOOP")).isEqualTo("-ERR Command not valid in this state.");
        }
        try (Pop3Client c = f.aliceSession()) {
            assertThat(c.command("noop")).isEqualTo("+OK");
            assertThat(c.command("NOOP x")).isEqualTo("-ERR Invalid arguments.");
        }
    }
}
