package dev.yubin.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Credentials;
import dev.yubin.store.Delivery;
import dev.yubin.store.DeliveryTarget;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.NewMessage;
import dev.yubin.store.User;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stores on one data directory, as the server and the CLI run: each sees the other's
 * commits, and their writers take turns (SQLite's lock and busy timeout) without losing a write.
 */
class SharedDataDirTest {
    @TempDir
    Path dir;

    @Test
    void twoStoresShareOneDataDirectory() throws Exception {
        try (SqliteStore server = SqliteStore.open(dir); SqliteStore cli = SqliteStore.open(dir)) {
            cli.addDomain(Domain.parse("example.org"));
            User u = cli.addUser(EmailAddress.parse("u@example.org"), new Credentials("$argon2id$x", Optional.empty()));
            assertThat(server.resolve(EmailAddress.parse("u@example.org")).local()).containsExactly(u);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Long>> uids = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    SqliteStore s = i % 2 == 0 ? server : cli;
                    int n = i;
                    uids.add(pool.submit(() -> deliver(s, u, "message " + n)));
                }
                List<Long> got = new ArrayList<>();
                for (Future<Long> f : uids) {
                    got.add(f.get(60, TimeUnit.SECONDS));
                }
                assertThat(got).doesNotHaveDuplicates();
                var inbox = server.mailbox(u.id(), "INBOX").orElseThrow().id();
                assertThat(server.messages(inbox)).extracting(MessageRecord::uid).containsExactlyInAnyOrderElementsOf(got);
                assertThat(cli.messages(inbox)).hasSize(20);
                for (MessageRecord m : cli.messages(inbox)) {
                    try (var in = server.blobs().open(m.blob())) {
                        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("message ");
                    }
                }
            } finally {
                pool.shutdown();
            }
            assertThat(server.integrityCheck()).isEmpty();
        }
    }

    private static long deliver(SqliteStore s, User u, String text) throws Exception {
        BlobId id;
        try (BlobStore.Writer w = s.blobs().create()) {
            w.stream().write(text.getBytes(StandardCharsets.UTF_8));
            id = w.commit();
        }
        List<Delivery> d = s.deliver(new NewMessage(id, text.length(), Instant.now(), ""),
                List.of(DeliveryTarget.inbox(u.id())));
        return ((Delivery.Delivered) d.get(0)).uid();
    }
}
