package dev.yubin.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.store.BlobId;
import dev.yubin.store.Credentials;
import dev.yubin.store.DeliveryTarget;
import dev.yubin.store.FlagChange;
import dev.yubin.store.MailboxId;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.NewMessage;
import dev.yubin.store.User;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cached message list always equals a fresh query, whatever changes came in between. */
class MessageListCacheTest {
    @TempDir
    Path dir;

    @Test
    void cachedListFollowsRandomChanges() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.addDomain(Domain.parse("example.org"));
            User u = store.addUser(EmailAddress.parse("u@example.org"), new Credentials("$argon2id$x", Optional.empty()));
            MailboxId inbox = store.mailbox(u.id(), "INBOX").orElseThrow().id();
            MailboxId other = store.mailbox(u.id(), "Archive").orElseThrow().id();
            SqlMessageReads reads = store.reads();
            Random r = new Random(42);
            int blob = 0;
            for (int step = 0; step < 80; step++) {
                List<MessageRecord> now = reads.messagesUncached(inbox);
                List<Long> some = now.stream().map(MessageRecord::uid).filter(x -> r.nextInt(3) == 0).toList();
                switch (r.nextInt(6)) {
                    case 0, 1 -> store.deliver(new NewMessage(new BlobId(String.format("%032x", ++blob)), 10,
                            Instant.ofEpochSecond(1000), ""), List.of(DeliveryTarget.inbox(u.id())));
                    case 2 -> store.storeFlags(inbox, some, new FlagChange(FlagChange.Mode.ADD,
                            Set.of(r.nextBoolean() ? "\\Deleted" : "kw" + r.nextInt(3))), -1);
                    case 3 -> store.expunge(inbox, Optional.empty());
                    case 4 -> store.move(inbox, some, other);
                    default -> store.copy(other, store.messages(other).stream().map(MessageRecord::uid).limit(2).toList(), inbox);
                }
                if (r.nextInt(3) > 0) {
                    assertThat(store.messages(inbox)).as("step %d", step).isEqualTo(reads.messagesUncached(inbox));
                }
            }
            assertThat(store.messages(inbox)).isEqualTo(reads.messagesUncached(inbox));
            assertThat(store.messages(other)).isEqualTo(reads.messagesUncached(other));
        }
    }

    @Test
    void applyMergesInUidOrder() {
        MessageRecord a = rec(1, 1);
        MessageRecord b = rec(2, 1);
        MessageRecord c = rec(3, 1);
        List<MessageRecord> merged = MessageListCache.apply(List.of(a, b, c), List.of(rec(2, 5), rec(4, 5), rec(5, 5)),
                List.of(3L));
        assertThat(merged).extracting(MessageRecord::uid).containsExactly(1L, 2L, 4L, 5L);
        assertThat(merged.get(1).modSeq()).isEqualTo(5);
    }

    private static MessageRecord rec(long uid, long modSeq) {
        return new MessageRecord(uid, modSeq, Set.of(), Instant.EPOCH, 1, new BlobId("0000000000000001"));
    }
}
