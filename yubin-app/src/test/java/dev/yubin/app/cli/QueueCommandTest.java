package dev.yubin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.app.Main;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.queue.BodyType;
import dev.yubin.store.queue.NewQueueEntry;
import dev.yubin.store.queue.QueueRecipient;
import dev.yubin.store.sql.SqliteStore;
import dev.yubin.store.sql.queue.SqliteQueueStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yubin queue ...} against a data directory with one queued entry. */
class QueueCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private Result run(Path config, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            String[] full = new String[args.length + 2];
            System.arraycopy(args, 0, full, 0, args.length);
            full[args.length] = "--config";
            full[args.length + 1] = config.toString();
            return new Result(Main.run(full), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void listShowHoldReleaseRetryDelete() throws Exception {
        Path data = dir.resolve("data");
        Path config = dir.resolve("yubin.yaml");
        Files.writeString(config, "data-dir: " + data + "\n");
        long id;
        try (SqliteStore store = SqliteStore.open(data)) {
            BlobId blob;
            try (BlobStore.Writer w = store.blobs().create()) {
                w.stream().write("Subject: hi\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
                blob = w.commit();
            }
            id = new SqliteQueueStore(store, Clock.systemUTC()).enqueue(new NewQueueEntry("ORIG", "remote.test", blob,
                    17, "alice@example.com", Optional.empty(), Optional.empty(), NewQueueEntry.Utf8.NOT_NEEDED,
                    BodyType.UNSPECIFIED, List.of(QueueRecipient.pending(0, "bob@remote.test", Optional.empty(),
                    Set.of())), Instant.now()));
        }
        String ids = Long.toString(id);
        Result list = run(config, "queue", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains(ids + "\tINCOMING").contains("<alice@example.com>").contains("incoming=1");
        Result show = run(config, "queue", "show", ids);
        assertThat(show.out()).contains("state: INCOMING").contains("recipient: bob@remote.test\tPENDING");
        assertThat(run(config, "queue", "hold", ids).out()).isEqualTo("held " + ids + "\n");
        Result again = run(config, "queue", "hold", ids);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already held");
        assertThat(run(config, "queue", "retry", ids).code()).isEqualTo(1);
        assertThat(run(config, "queue", "release", ids).code()).isZero();
        assertThat(run(config, "queue", "retry", ids).code()).isZero();
        assertThat(run(config, "queue", "delete", ids).code()).isZero();
        Result gone = run(config, "queue", "show", ids);
        assertThat(gone.code()).isEqualTo(1);
        assertThat(gone.err()).contains("no queue entry " + ids);
    }
}
