package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8CommandTest extends Pop3TestBase {
    @Test
    void utf8ModeAndUnmodifiedUtf8Messages() throws Exception {
        String msg = "Subject: =?utf-8?q?x?=\r\nFrom: Jürgen <j@example.com>\r\n\r\nGrüße 郵便\r\n";
        f.deliver(f.alice, msg);
        try (Pop3Client c = f.client()) {
            assertThat(c.command("UTF8")).isEqualTo("+OK UTF-8 mode enabled.");
            c.command("USER " + Pop3Fixture.ALICE);
            c.command("PASS " + Pop3Fixture.PASSWORD);
            assertThat(c.command("UTF8")).isEqualTo("-ERR Command not valid in this state.");
            assertThat(c.command("LIST 1")).isEqualTo("+OK 1 " + msg.getBytes(StandardCharsets.UTF_8).length);
            c.command("RETR 1");
            assertThat(c.lines()).contains("Grüße 郵便");
        }
    }
}
