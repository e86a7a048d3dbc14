package dev.yubin.smtp.server.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.testkit.smtp.SmtpTestClient;
import org.junit.jupiter.api.Test;

class DataCommandTest extends ServerTestBase {
    @Test
    void takesNoArguments() {
        assertThatThrownBy(() -> new DataCommand().parse("x")).isInstanceOf(SmtpSyntaxException.class);
    }

    @Test
    void storesOnlyAfterTheFinalDotAndUnstuffs() throws Exception {
        try (SmtpTestClient c = greeted()) {
            c.command("MAIL FROM:<a@remote.example>");
            c.command("RCPT TO:<bob@example.com>");
            assertThat(c.command("DATA").code()).isEqualTo(354);
            c.sendRaw("Subject: d\r\n\r\n..leading dot\r\n");
            Thread.sleep(100);
            assertThat(fx.inbox("bob@example.com")).isEmpty();
            c.sendRaw(".\r\n");
            assertThat(reply(c.readReply())).startsWith("250 2.0.0 Ok: queued as ");
        }
        assertThat(fx.text(fx.inbox("bob@example.com").get(0))).endsWith("\r\n\r\n.leading dot\r\n");
    }

    @Test
    void clientGoneMidDataStoresNothing() throws Exception {
        try (SmtpTestClient c = greeted()) {
            c.command("MAIL FROM:<a@remote.example>");
            c.command("RCPT TO:<carol@example.org>");
            assertThat(c.command("DATA").code()).isEqualTo(354);
            c.sendRaw("Subject: cut\r\n\r\nhalf");
        }
        Thread.sleep(200);
        assertThat(fx.inbox("carol@example.org")).isEmpty();
        assertThat(fx.store.blobs().sweepOrphans(id -> fx.store.isBlobReferenced(id), 0)).isZero();
    }
}
