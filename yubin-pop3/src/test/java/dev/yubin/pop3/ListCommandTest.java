package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListCommandTest extends Pop3TestBase {
    @Test
    void scanListingsAndSingleMessages() throws Exception {
        String m1 = Pop3Fixture.message(1, 3);
        String m2 = Pop3Fixture.message(2, 10);
        f.deliver(f.alice, m1);
        f.deliver(f.alice, m2);
        try (Pop3Client c = f.aliceSession()) {
            assertThat(c.command("LIST")).isEqualTo("+OK 2 messages (" + (m1.length() + m2.length()) + " octets)");
            assertThat(c.lines()).containsExactly("1 " + m1.length(), "2 " + m2.length());
            assertThat(c.command("LIST 2")).isEqualTo("+OK 2 " + m2.length());
            assertThat(c.command("LIST 3")).isEqualTo("-ERR No such message.");
            assertThat(c.command("LIST 0")).isEqualTo("-ERR No such message.");
            assertThat(c.command("LIST -1")).isEqualTo("-ERR No such message.");
            assertThat(c.command("LIST 99999999999999")).isEqualTo("-ERR No such message.");
            c.command("DELE 1");
            assertThat(c.command("LIST 1")).isEqualTo("-ERR Message is deleted.");
            c.command("LIST");
            assertThat(c.lines()).containsExactly("2 " + m2.length());
        }
    }
}
