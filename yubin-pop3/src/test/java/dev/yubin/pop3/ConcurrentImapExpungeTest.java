package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.store.FlagChange;
import dev.yubin.store.MailboxId;
import dev.yubin.store.MessageRecord;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * POP3 and an IMAP-like client (the MailboxStore used directly, as the IMAP server does) working
 * on one INBOX at the same time.
 */
class ConcurrentImapExpungeTest extends Pop3TestBase {
    @Test
    void imapExpungeDuringAPop3SessionAndPop3DeletionsSeenByImap() throws Exception {
        long u1 = f.deliver(f.alice, Pop3Fixture.message(1, 3));
        long u2 = f.deliver(f.alice, Pop3Fixture.message(2, 3));
        long u3 = f.deliver(f.alice, Pop3Fixture.message(3, 3));
        MailboxId inbox = f.inbox(f.alice).id();
        AtomicInteger imapNotifications = new AtomicInteger();
        try (AutoCloseable watch = f.store.watch(inbox, imapNotifications::incrementAndGet);
             Pop3Client c = f.aliceSession()) {
            // the IMAP side expunges message 1 while POP3 has it in its snapshot
            f.store.storeFlags(inbox, List.of(u1), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Deleted")), -1);
            f.store.expunge(inbox, Optional.empty());
            assertThat(c.command("STAT")).startsWith("+OK 3 "); // numbering is stable within the session
            String retr = c.command("RETR 1");
            if (retr.startsWith("+OK")) {
                c.lines(); // the body may still be readable; either way the session goes on
            } else {
                assertThat(retr).isEqualTo(Pop3Reply.MESSAGE_GONE);
            }
            c.command("RETR 2");
            assertThat(c.lines()).contains("line 3 of message 2");
            assertThat(c.command("DELE 1")).startsWith("+OK"); // gone already: removal is a no-op
            assertThat(c.command("DELE 3")).startsWith("+OK");
            // the IMAP side sets a flag meanwhile; POP3 does not disturb it
            f.store.storeFlags(inbox, List.of(u2), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Flagged")), -1);
            assertThat(c.command("QUIT")).startsWith("+OK Bye (1 messages deleted)");
        }
        List<MessageRecord> left = f.store.messages(inbox);
        assertThat(left).extracting(MessageRecord::uid).containsExactly(u2);
        assertThat(left.get(0).flags()).containsExactlyInAnyOrder("\\Flagged", "\\Seen");
        assertThat(f.store.changesSince(inbox, 0).expunged()).contains(u1, u3); // IMAP sees EXPUNGEs
        assertThat(imapNotifications.get()).isGreaterThanOrEqualTo(3);
    }
}
