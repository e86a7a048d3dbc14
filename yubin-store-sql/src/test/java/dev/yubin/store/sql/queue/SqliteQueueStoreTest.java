package dev.yubin.store.sql.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Credentials;
import dev.yubin.store.DeliveryTarget;
import dev.yubin.store.Mailbox;
import dev.yubin.store.NewMessage;
import dev.yubin.store.User;
import dev.yubin.store.queue.AttemptResult;
import dev.yubin.store.queue.BodyType;
import dev.yubin.store.queue.NewQueueEntry;
import dev.yubin.store.queue.QueueEntry;
import dev.yubin.store.queue.QueueRecipient;
import dev.yubin.store.queue.QueueState;
import dev.yubin.store.queue.QueueStoreContract;
import dev.yubin.store.queue.RecipientState;
import dev.yubin.store.sql.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteQueueStoreTest extends QueueStoreContract {
    @Override
    protected Fixture open(Path dataDir) {
        SqliteStore store = SqliteStore.open(dataDir);
        return new Fixture(new SqliteQueueStore(store, Clock.systemUTC()), store.blobs(), store);
    }

    /** A body shared by a local mailbox and a queue entry outlives the expunge of the local copy. */
    @Test
    void queuedBlobSurvivesExpungeOfTheLocalCopy(@TempDir Path dir) throws Exception {
        try (SqliteStore store = SqliteStore.open(dir)) {
            SqliteQueueStore queue = new SqliteQueueStore(store, Clock.systemUTC());
            store.addDomain(Domain.parse("example.org"));
            User u = store.addUser(EmailAddress.parse("u@example.org"), new Credentials("$x$", Optional.empty()));
            BlobId b;
            try (BlobStore.Writer w = store.blobs().create()) {
                w.stream().write("Subject: x\r\n\r\nbody\r\n".getBytes());
                b = w.commit();
            }
            store.deliver(new NewMessage(b, 20, Instant.now(), ""), List.of(DeliveryTarget.inbox(u.id())));
            long id = queue.enqueue(new NewQueueEntry("O", "remote.example", b, 20, "u@example.org", Optional.empty(),
                    Optional.empty(), NewQueueEntry.Utf8.NOT_NEEDED, BodyType.UNSPECIFIED,
                    List.of(QueueRecipient.pending(0, "x@remote.example", Optional.empty(), Set.of())), Instant.now()));
            Mailbox inbox = store.mailbox(u.id(), Mailbox.INBOX).orElseThrow();
            store.storeFlags(inbox.id(), List.of(1L), new dev.yubin.store.FlagChange(
                    dev.yubin.store.FlagChange.Mode.ADD, Set.of("\\Deleted")), -1);
            assertThat(store.expunge(inbox.id(), Optional.empty())).containsExactly(1L);
            Thread.sleep(200); // file deletions run after the commit
            assertThat(store.blobs().exists(b)).isTrue();
            assertThat(store.isBlobReferenced(b)).isTrue();
            QueueEntry e = queue.claimDue(Instant.now().plusSeconds(1), Duration.ofMinutes(1), 1).get(0);
            queue.finishAttempt(id, new AttemptResult(List.of(e.recipients().get(0).with(RecipientState.DELIVERED, "250")),
                    QueueState.DONE, Instant.now(), "", QueueEntry.DelayWarning.NOT_SENT));
            assertThat(store.blobs().exists(b)).isFalse();
            assertThat(store.isBlobReferenced(b)).isFalse();
        }
    }
}
