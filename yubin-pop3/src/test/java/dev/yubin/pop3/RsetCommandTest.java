package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RsetCommandTest extends Pop3TestBase {
    @Test
    void unmarksDeletedMessages() throws Exception {
        String m = Pop3Fixture.message(1, 1);
        f.deliver(f.alice, m);
        try (Pop3Client c = f.aliceSession()) {
            c.command("DELE 1");
            assertThat(c.command("RSET")).isEqualTo("+OK maildrop has 1 messages (" + m.length() + " octets)");
            assertThat(c.command("LIST 1")).isEqualTo("+OK 1 " + m.length());
            assertThat(c.command("QUIT")).isEqualTo("+OK Bye (0 messages deleted).");
        }
        assertThat(f.store.messages(f.inbox(f.alice).id())).hasSize(1);
    }
}
