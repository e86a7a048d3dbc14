package dev.yubin.store.sql;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Credentials;
import dev.yubin.store.DeliveryTarget;
import dev.yubin.store.MailboxId;
import dev.yubin.store.NewMessage;
import dev.yubin.store.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Micro benchmark of the embedded store (not run by the tests): blob writes/s and deliveries/s
 * with concurrent writers, {@code messages()} and {@code searchText} on a large mailbox.
 *
 * <p>Usage: {@code StoreBench DIR [threads] [count] [searchMessages]}; run it with the test
 * classpath and {@code --enable-native-access=ALL-UNNAMED}. {@code -Dbench.notext=true} delivers
 * without search text. Writer figures: group-commit batch sizes and CPU per unit.
 */
public final class StoreBench {
    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int searchMessages = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Files.createDirectories(dir);
        byte[] body = new byte[2048];
        new Random(1).nextBytes(body);
        try (SqliteStore store = SqliteStore.open(MimeTexts.settings(dir.resolve("data-" + System.nanoTime())))) {
            store.addDomain(Domain.parse("bench.test"));
            User u = store.addUser(EmailAddress.parse("u@bench.test"),
                    new Credentials("$argon2id$bench", Optional.empty()));
            run("file blob writes (FsBlobStore)", threads, count, i -> blob(store.blobs().files(), body));
            run("blob writes (inline, group-committed)", threads, count, i -> blob(store.blobs(), body));
            StringBuilder words = new StringBuilder();
            Random wr = new Random(3);
            while (words.length() < 2000) {
                words.append(Long.toString(Math.abs(wr.nextLong()), 36), 0, 6).append(' ');
            }
            String text = Boolean.getBoolean("bench.notext") ? "" : words.toString();
            System.out.println("writer " + store.writerStats());
            run("deliveries (blob + deliver)", threads, count, i -> {
                BlobId id = blob(store.blobs(), body);
                store.deliver(new NewMessage(id, body.length, Instant.now(), "s"),
                        List.of(DeliveryTarget.inbox(u.id())));
            });
            System.out.println("writer " + store.writerStats());
            java.util.concurrent.atomic.AtomicLong fake = new java.util.concurrent.atomic.AtomicLong(1L << 40);
            run("deliveries only (no blob fsync)", threads, count, i -> store.deliver(new NewMessage(
                    new BlobId(String.format("%032x", fake.incrementAndGet())), body.length, Instant.now(), "s"), List.of(DeliveryTarget.inbox(u.id()))));
            System.out.println("writer " + store.writerStats());
            MailboxId inbox = store.mailbox(u.id(), "INBOX").orElseThrow().id();
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                long c0 = mx.getCurrentThreadCpuTime();
                int n = store.messages(inbox).size();
                System.out.printf("messages() of %d: %.1f ms (cpu of this thread %.1f ms)%n", n,
                        (System.nanoTime() - t0) / 1e6, (mx.getCurrentThreadCpuTime() - c0) / 1e6);
            }
            if (searchMessages > 0) {
                search(store, u, searchMessages);
            }
        }
    }

    private static void search(SqliteStore store, User u, int n) throws Exception {
        MailboxId box = store.createMailbox(u.id(), "Search", Optional.empty()).id();
        Random r = new Random(2);
        String[] words = new String[5000];
        for (int i = 0; i < words.length; i++) {
            words[i] = Long.toString(Math.abs(r.nextLong()), 36).substring(0, 4 + r.nextInt(6));
        }
        long t0 = System.nanoTime();
        run("append 16 KB texts", 4, n, i -> {
            StringBuilder sb = new StringBuilder(16_500);
            Random rr = new Random(i);
            while (sb.length() < 16_000) {
                sb.append(words[rr.nextInt(words.length)]).append(' ');
            }
            if (i % 100 == 0) {
                sb.append(" Needle-Phrase ");
            }
            byte[] text = ("Subject: bench\r\n\r\n" + sb).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            try {
                store.append(box, new NewMessage(blob(store.blobs(), text), text.length, Instant.now(), "s"), List.of());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.printf("appended in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        long t2 = System.nanoTime();
        store.indexPendingTexts();
        System.out.printf("indexed in %.1f s%n", (System.nanoTime() - t2) / 1e9);
        for (String q : List.of("needle-phrase", "zz", words[7], words[7] + " " + words[9], "nothing-here-at-all")) {
            for (int i = 0; i < 3; i++) {
                long t1 = System.nanoTime();
                long c1 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                int hits = store.searchText(box, q).size();
                System.out.printf("search '%s': %d hits, %.1f ms (cpu %.1f ms)%n", q, hits, (System.nanoTime() - t1) / 1e6,
                        (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c1) / 1e6);
            }
        }
    }

    private static BlobId blob(BlobStore blobs, byte[] body) throws IOException {
        try (BlobStore.Writer w = blobs.create()) {
            w.stream().write(body);
            return w.commit();
        }
    }

    private interface Op {
        void run(int i) throws Exception;
    }

    private static void run(String name, int threads, int count, Op op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            int per = count / threads;
            for (int t = 0; t < threads; t++) {
                int base = t * per;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < per; i++) {
                        op.run(base + i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s: %d in %.2f s = %.0f/s (%d threads)%n", name, per * threads, s, per * threads / s, threads);
        } finally {
            pool.shutdown();
        }
    }
}
