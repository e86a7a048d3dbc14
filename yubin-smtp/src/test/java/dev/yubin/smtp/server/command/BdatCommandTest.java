package dev.yubin.smtp.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.testkit.smtp.SmtpTestClient;
import org.junit.jupiter.api.Test;

class BdatCommandTest extends ServerTestBase {
    final BdatCommand bdat = new BdatCommand();

    @Test
    void parse() {
        assertThat(bdat.parse("100")).isEqualTo(new BdatCommand.Chunk(100, BdatCommand.Last.MORE));
        assertThat(bdat.parse("0 last")).isEqualTo(new BdatCommand.Chunk(0, BdatCommand.Last.LAST));
        assertThat(bdat.parse("")).isInstanceOf(BdatCommand.Malformed.class);
        assertThat(bdat.parse("-1")).isInstanceOf(BdatCommand.Malformed.class);
        assertThat(bdat.parse("10 LASTX")).isInstanceOf(BdatCommand.Malformed.class);
        assertThat(bdat.parse("9999999999999999999")).isInstanceOf(BdatCommand.Malformed.class);
    }

    @Test
    void chunksMakeOneMessage() throws Exception {
        String part1 = "Subject: chunks\r\n\r\n";
        String part2 = "line 1\r\n.line 2 keeps its dot\r\n";
        try (SmtpTestClient c = greeted()) {
            c.command("MAIL FROM:<a@remote.example>");
            c.command("RCPT TO:<bob@example.com>");
            c.sendRaw("BDAT " + part1.length() + "\r\n" + part1);
            assertThat(reply(c.readReply())).startsWith("250 2.0.0");
            c.sendRaw("BDAT " + part2.length() + " LAST\r\n" + part2);
            assertThat(reply(c.readReply())).startsWith("250 2.0.0 Ok: queued as");
        }
        assertThat(fx.text(fx.inbox("bob@example.com").get(0))).endsWith(part1 + part2);
    }

    @Test
    void oversizedChunkIsReadAndRefused() throws Exception {
        try (SmtpTestClient c = greeted()) {
            c.command("MAIL FROM:<a@remote.example>");
            c.command("RCPT TO:<carol@example.org>");
            int n = 10_240_001;
            c.sendRaw("BDAT " + n + " LAST\r\n");
            byte[] line = "x".repeat(98).concat("\r\n").getBytes();
            byte[] block = new byte[100_000];
            for (int i = 0; i < block.length; i += 100) {
                System.arraycopy(line, 0, block, i, 100);
            }
            for (int sent = 0; sent < n; sent += block.length) {
                c.sendRaw(java.util.Arrays.copyOf(block, Math.min(block.length, n - sent)));
            }
            assertThat(reply(c.readReply())).startsWith("552 5.3.4");
            assertThat(c.command("NOOP").code()).isEqualTo(250);
        }
        assertThat(fx.inbox("carol@example.org")).isEmpty();
    }
}
