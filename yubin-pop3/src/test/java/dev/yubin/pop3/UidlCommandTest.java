package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UidlCommandTest extends Pop3TestBase {
    @Test
    void uidsAreStableAcrossSessionsAndDeletions() throws Exception {
        long u1 = f.deliver(f.alice, Pop3Fixture.message(1, 1));
        long u2 = f.deliver(f.alice, Pop3Fixture.message(2, 1));
        long uv = f.inbox(f.alice).uidValidity();
        String id1 = String.format("%08x%08x", uv, u1);
        String id2 = String.format("%08x%08x", uv, u2);
        try (Pop3Client c = f.aliceSession()) {
            assertThat(c.command("UIDL")).isEqualTo("+OK");
            assertThat(c.lines()).containsExactly("1 " + id1, "2 " + id2);
            assertThat(c.command("UIDL 2")).isEqualTo("+OK 2 " + id2);
            c.command("DELE 1");
            assertThat(c.command("UIDL 1")).isEqualTo("-ERR Message is deleted.");
            c.command("QUIT");
        }
        try (Pop3Client c = f.aliceSession()) {
            c.command("UIDL");
            List<String> lines = c.lines();
            assertThat(lines).containsExactly("1 " + id2); // same id, new message number
            assertThat(id2).matches("[\\x21-\\x7e]{1,70}"); // RFC 1939 §7
        }
    }
}
