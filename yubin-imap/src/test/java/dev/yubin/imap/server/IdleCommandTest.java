package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** IDLE: new deliveries and other sessions' changes are pushed within a second. */
class IdleCommandTest extends ServerTestBase {

    @Test
    void deliveryIsPushedDuringIdle() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("first", "b"));
        try (ImapTestClient c = fx.login(); ImapTestClient other = fx.login()) {
            c.ok("SELECT INBOX");
            c.sendLine("i1 IDLE");
            assertThat(c.readLine()).startsWith("+ ");
            c.setTimeout(1000);
            long start = System.nanoTime();
            fx.deliver(fx.alice, ImapFixture.message("second", "b"));
            assertThat(c.readLine()).isEqualTo("* 2 EXISTS");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
            assertThat(c.readLine()).isEqualTo("* 2 RECENT");
            other.ok("SELECT INBOX");
            other.ok("STORE 1 +FLAGS (\\Flagged)");
            assertThat(c.readLine()).startsWith("* 1 FETCH (FLAGS (\\Flagged");
            other.ok("STORE 2 +FLAGS.SILENT (\\Deleted)");
            assertThat(c.readLine()).startsWith("* 2 FETCH (FLAGS (\\Deleted");
            other.ok("EXPUNGE");
            assertThat(c.readLine()).isEqualTo("* 2 EXPUNGE");
            c.setTimeout(10_000);
            c.sendLine("DONE");
            assertThat(c.readLine()).isEqualTo("i1 OK IDLE terminated");
        }
    }
}
