package dev.yubin.smtp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {
    @Test
    void postfixLikeDefaults() {
        SmtpSettings d = SmtpSettings.defaults();
        assertThat(d.maxMessageSize()).isEqualTo(10_240_000);
        assertThat(d.maxRecipients()).isEqualTo(1000);
        assertThat(d.maxCommandLineLength()).isEqualTo(512);
        assertThat(d.maxTextLineLength()).isEqualTo(998);
        assertThat(d.maxReceivedHops()).isEqualTo(50);
        assertThat(d.maxMimeDepth()).isEqualTo(100);
        assertThat(d.maxErrors()).isEqualTo(20);
        assertThat(d.commandTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(d.reverseDns()).isEqualTo(SmtpSettings.ReverseDns.OFF);
        assertThat(d.toBuilder().build()).isEqualTo(d);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> SmtpSettings.builder().hostname("a b").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpSettings.builder().maxCommandLineLength(100).build()).hasMessageContaining("512");
        assertThatThrownBy(() -> SmtpSettings.builder().maxTextLineLength(80).build()).hasMessageContaining("998");
        assertThatThrownBy(() -> SmtpSettings.builder().maxErrors(0).build()).hasMessageContaining("max-errors");
        assertThatThrownBy(() -> SmtpSettings.builder().commandTimeout(Duration.ZERO).build()).hasMessageContaining("command-timeout");
    }
}
