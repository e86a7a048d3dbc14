package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.store.MessageRecord;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class DeleCommandTest extends Pop3TestBase {
    private List<Long> uids() {
        return f.store.messages(f.inbox(f.alice).id()).stream().map(MessageRecord::uid).toList();
    }

    @Test
    void deletionHappensOnlyAtQuit() throws Exception {
        long u1 = f.deliver(f.alice, Pop3Fixture.message(1, 1));
        long u2 = f.deliver(f.alice, Pop3Fixture.message(2, 1));
        try (Pop3Client c = f.aliceSession()) {
            assertThat(c.command("DELE 1")).isEqualTo("+OK Message deleted.");
            assertThat(c.command("DELE 1")).isEqualTo("-ERR Message is deleted.");
            assertThat(c.command("DELE 3")).isEqualTo("-ERR No such message.");
            assertThat(uids()).containsExactly(u1, u2);
            assertThat(c.command("QUIT")).isEqualTo("+OK Bye (1 messages deleted).");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(uids()).containsExactly(u2);
    }

    @Test
    void droppedConnectionDeletesNothing() throws Exception {
        long u1 = f.deliver(f.alice, Pop3Fixture.message(1, 1));
        Pop3Client c = f.aliceSession();
        c.command("DELE 1");
        c.close();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !f.server.locks().isLocked(f.alice.id()));
        assertThat(uids()).containsExactly(u1);
    }

    @Test
    void messagesAnImapClientFlaggedDeletedAreNotExpungedByPop3() throws Exception {
        long u1 = f.deliver(f.alice, Pop3Fixture.message(1, 1));
        long u2 = f.deliver(f.alice, Pop3Fixture.message(2, 1));
        f.store.storeFlags(f.inbox(f.alice).id(), List.of(u2),
                new dev.yubin.store.FlagChange(dev.yubin.store.FlagChange.Mode.ADD, java.util.Set.of("\\Deleted")), -1);
        try (Pop3Client c = f.aliceSession()) {
            c.command("DELE 1");
            c.command("QUIT");
        }
        assertThat(uids()).containsExactly(u2);
    }
}
