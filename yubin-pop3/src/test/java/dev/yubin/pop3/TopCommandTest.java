package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopCommandTest extends Pop3TestBase {
    @Test
    void headerBlankLineAndNBodyLines() throws Exception {
        f.deliver(f.alice, "Subject: t\r\nFrom: a@b.c\r\n\r\none\r\n.two\r\nthree\r\n");
        try (Pop3Client c = f.aliceSession()) {
            assertThat(c.command("TOP 1 0")).startsWith("+OK");
            assertThat(c.lines()).containsExactly("Subject: t", "From: a@b.c", "");
            c.command("TOP 1 2");
            assertThat(c.lines()).containsExactly("Subject: t", "From: a@b.c", "", "one", ".two");
            c.command("TOP 1 100");
            assertThat(c.lines()).containsExactly("Subject: t", "From: a@b.c", "", "one", ".two", "three");
        }
    }

    @Test
    void badArguments() throws Exception {
        f.deliver(f.alice, Pop3Fixture.message(1, 1));
        try (Pop3Client c = f.aliceSession()) {
            assertThat(c.command("TOP 1")).isEqualTo("-ERR Invalid arguments.");
            assertThat(c.command("TOP 1 -1")).isEqualTo("-ERR Invalid arguments.");
            assertThat(c.command("TOP 2 1")).isEqualTo("-ERR No such message.");
        }
        try (Pop3Client c = f.client()) {
            assertThat(c.command("TOP 1 1")).isEqualTo("-ERR Command not valid in this state.");
        }
    }
}
