package dev.yubin.store.sql;

import dev.yubin.core.EmailAddress;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Delivery;
import dev.yubin.store.DeliveryTarget;
import dev.yubin.store.NewMessage;
import dev.yubin.store.User;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Child process of {@link CrashTest}: delivers to two existing users from several threads until
 * killed (bodies in the database and in files), printing {@code ACK <blob> <uid-a> <uid-b>} after each {@code deliver} returned.
 *
 * <p>Usage: {@code CrashChild DATA_DIR THREADS}.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        SqliteStore store = SqliteStore.open(dir);
        User a = store.user(EmailAddress.parse("a@crash.test")).orElseThrow();
        User b = store.user(EmailAddress.parse("b@crash.test")).orElseThrow();
        out.println("READY");
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread th = new Thread(() -> {
                for (int i = 0; ; i++) {
                    try {
                        // every fourth body is over the inline limit: a file, not a database row
                        int size = i % 4 == 0 ? 70_000 : 2000;
                        String body = "Subject: crash " + thread + "-" + i + "\r\n\r\n" + "y".repeat(size) + "\r\n";
                        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
                        BlobId id;
                        try (BlobStore.Writer w = store.blobs().create()) {
                            w.stream().write(bytes);
                            id = w.commit();
                        }
                        List<Delivery> d = store.deliver(new NewMessage(id, bytes.length, Instant.now(), "s"), List.of(DeliveryTarget.inbox(a.id()), DeliveryTarget.inbox(b.id())));
                        long ua = ((Delivery.Delivered) d.get(0)).uid();
                        long ub = ((Delivery.Delivered) d.get(1)).uid();
                        synchronized (out) {
                            out.println("ACK " + id + " " + ua + " " + ub);
                        }
                    } catch (Exception e) {
                        synchronized (out) {
                            out.println("ERR " + e);
                        }
                    }
                }
            });
            th.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
