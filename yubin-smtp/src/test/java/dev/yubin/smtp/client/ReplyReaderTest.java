package dev.yubin.smtp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplyReaderTest {
    private static ReplyReader reader(String s) {
        return new ReplyReader(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), 512, 5);
    }

    @Test
    void multiLineReplyWithEnhancedStatus() throws Exception {
        Reply r = reader("250-first\r\n250-second\r\n250 2.0.0 last\r\n").read();
        assertThat(r.code()).isEqualTo(250);
        assertThat(r.lines()).containsExactly("first", "second", "2.0.0 last");
        assertThat(reader("550 5.1.1 no such user\r\n").read().enhancedStatus()).contains("5.1.1");
        assertThat(reader("550 no status\r\n").read().status()).isEqualTo("5.0.0");
        assertThat(reader("451 5.1.1 class mismatch\r\n").read().enhancedStatus()).isEmpty();
    }

    @Test
    void bareCodeAndBareLfAreAccepted() throws Exception {
        assertThat(reader("250\r\n").read().lines()).containsExactly("");
        assertThat(reader("250 ok\n").read().code()).isEqualTo(250);
    }

    @Test
    void malformedRepliesAreRefused() {
        assertThatThrownBy(() -> reader("hello\r\n").read()).isInstanceOf(SmtpClientException.class);
        assertThatThrownBy(() -> reader("99 x\r\n").read()).isInstanceOf(SmtpClientException.class);
        assertThatThrownBy(() -> reader("700 x\r\n").read()).isInstanceOf(SmtpClientException.class);
        assertThatThrownBy(() -> reader("250*x\r\n").read()).isInstanceOf(SmtpClientException.class);
        assertThatThrownBy(() -> reader("250-a\r\n251 b\r\n").read()).isInstanceOf(SmtpClientException.class);
        assertThatThrownBy(() -> reader("250-a\r\n").read()).hasMessageContaining("closed");
    }

    @Test
    void oversizedRepliesAreRefused() {
        assertThatThrownBy(() -> reader("250 " + "x".repeat(600) + "\r\n").read()).hasMessageContaining("longer than 512");
        assertThatThrownBy(() -> reader("250-a\r\n".repeat(10) + "250 b\r\n").read()).hasMessageContaining("5 lines");
    }
}
