package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatCommandTest extends Pop3TestBase {
    @Test
    void countsAndOctetsOfUndeletedMessages() throws Exception {
        String m1 = Pop3Fixture.message(1, 3);
        String m2 = Pop3Fixture.message(2, 10);
        f.deliver(f.alice, m1);
        f.deliver(f.alice, m2);
        try (Pop3Client c = f.aliceSession()) {
            assertThat(c.command("STAT")).isEqualTo("+OK 2 " + (m1.length() + m2.length()));
            c.command("DELE 1");
            assertThat(c.command("STAT")).isEqualTo("+OK 1 " + m2.length());
            assertThat(c.command("STAT x")).isEqualTo("-ERR Invalid arguments.");
        }
    }

    @Test
    void snapshotIgnoresMessagesArrivingDuringTheSession() throws Exception {
        f.deliver(f.alice, Pop3Fixture.message(1, 1));
        try (Pop3Client c = f.aliceSession()) {
            f.deliver(f.alice, Pop3Fixture.message(2, 1));
            assertThat(c.command("STAT")).startsWith("+OK 1 ");
        }
        try (Pop3Client c = f.aliceSession()) {
            assertThat(c.command("STAT")).startsWith("+OK 2 ");
        }
    }
}
