package dev.yubin.smtp.queue;

import dev.yubin.core.EmailAddress;
import dev.yubin.smtp.server.MailParameters;
import dev.yubin.smtp.server.RcptParameters;
import dev.yubin.smtp.server.ReversePath;
import dev.yubin.store.BlobId;
import dev.yubin.store.queue.QueueState;
import dev.yubin.testkit.dns.TestDnsServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbound throughput, run only on demand: {@code -Dbench.sink.port=PORT} (a Postfix smtp-sink on
 * 127.0.0.1), {@code -Dbench.messages=N} (default 2000), 100 destination domains in the test DNS.
 * Submits from {@code -Dbench.sessions=N} threads (default 20, like N SMTP sessions); prints submitted and
 * delivered messages per second, the time per blob commit and per submit, and the store writer's
 * group-commit figures. Not a unit test: skipped without the property.
 *
 * <p>With {@code -Dbench.over=smtp} the mail arrives over SMTP instead, driven like the Postfix side:
 * Postfix's {@code smtp-source} (5 processes of 20 sessions at a time, a new connection per message)
 * sends to {@code dN@fwd.bench.test}, aliases of {@code u@dN.bench.test}, on Yubin's SMTP server;
 * each message is received, made durable, queued and delivered to the sink (the forwarding path,
 * the same receive → queue → deliver mechanics as relaying).
 */
@EnabledIfSystemProperty(named = "bench.sink.port", matches = "\\d+")
class OutboundBench {
    static final java.util.concurrent.atomic.AtomicLong BLOB_NS = new java.util.concurrent.atomic.AtomicLong();
    static final java.util.concurrent.atomic.AtomicLong SUBMIT_NS = new java.util.concurrent.atomic.AtomicLong();
    @TempDir
    Path dir;

    @Test
    void deliverToSink() throws Exception {
        int port = Integer.parseInt(System.getProperty("bench.sink.port"));
        int messages = Integer.getInteger("bench.messages", 2000);
        int domains = 100;
        byte[] body = ("From: alice@example.com\r\nSubject: bench\r\n\r\n" + "x".repeat(76).concat("\r\n").repeat(25))
                .getBytes(StandardCharsets.US_ASCII);
        try (TestDnsServer dns = TestDnsServer.start()) {
            for (int d = 0; d < domains; d++) {
                dns.mx("d" + d + ".bench.test", 10, "mx.d" + d + ".bench.test").a("mx.d" + d + ".bench.test", "127.0.0.1");
            }
            OutboundSettings settings = QueueFixture.settings(port).withRetry(Duration.ofSeconds(5), Duration.ofSeconds(5),
                    Duration.ofDays(5), Duration.ofHours(4));
            // the production resolver caches answers for their TTL; the test one does not
            var resolver = new dev.yubin.dns.DnsjavaResolver(new dev.yubin.dns.DnsjavaSettings(List.of(dns.address()),
                    Duration.ofSeconds(2), 0, dev.yubin.dns.DnsjavaSettings.DEFAULT_CACHE_ENTRIES,
                    dev.yubin.dns.DnsjavaSettings.DEFAULT_MAX_CACHE_TTL));
            try (QueueFixture q = new QueueFixture(dir, dns, settings, resolver)) {
                if ("smtp".equals(System.getProperty("bench.over"))) {
                    overSmtp(q, messages, domains);
                    return;
                }
                var os = (com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                int sessions = Integer.getInteger("bench.sessions", 20);
                java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
                List<Thread> threads = new java.util.ArrayList<>();
                for (int s = 0; s < sessions; s++) {
                    threads.add(Thread.ofVirtual().start(() -> {
                        try {
                            for (int i; (i = next.getAndIncrement()) < messages; ) {
                                BlobId blob;
                                long a0 = System.nanoTime();
                                try (var w = q.store.blobs().create()) {
                                    w.stream().write(body);
                                    blob = w.commit();
                                }
                                long a1 = System.nanoTime();
                                BLOB_NS.addAndGet(a1 - a0);
                                q.queue.submit(null, blob, body.length, ReversePath.of(EmailAddress.parse(
                                        "alice@example.com")), MailParameters.NONE, List.of(new OutboundQueue.Target(
                                        "u" + i + "@d" + (i % domains) + ".bench.test", RcptParameters.NONE)));
                                SUBMIT_NS.addAndGet(System.nanoTime() - a1);
                            }
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
                }
                for (Thread t : threads) {
                    t.join();
                }
                long t1 = System.nanoTime();
                while (q.queueStore.counts().getOrDefault(QueueState.DONE, 0L) < messages) {
                    Thread.sleep(50);
                }
                long t2 = System.nanoTime();
                var ws = q.store.getClass().getDeclaredMethod("writerStats");
                ws.setAccessible(true);
                System.out.println("outbound-bench-writer " + ws.invoke(q.store));
                System.out.printf("outbound-bench-phases blob_ms=%.2f submit_ms=%.2f cpu_us_per_msg=%.0f%n",
                        BLOB_NS.get() / 1e6 / messages, SUBMIT_NS.get() / 1e6 / messages,
                        (os.getProcessCpuTime() - cpu0) / 1e3 / messages);
                System.out.printf("outbound-bench messages=%d domains=%d submitted_per_s=%.0f"
                                + " delivered_per_s_from_first_submit=%.0f drain_after_submit_s=%.2f%n", messages, domains,
                        messages / ((t1 - t0) / 1e9), messages / ((t2 - t0) / 1e9), (t2 - t1) / 1e9);
            }
        }
    }

    private static void overSmtp(QueueFixture q, int messages, int domains) throws Exception {
        q.store.addDomain(dev.yubin.core.Domain.parse("fwd.bench.test"));
        for (int d = 0; d < domains; d++) {
            q.store.addAlias(new dev.yubin.store.Alias("d" + d + "@fwd.bench.test",
                    List.of(EmailAddress.parse("u@d" + d + ".bench.test"))));
        }
        var indexer = new dev.yubin.message.MessageIndexer(dev.yubin.message.MessageLimits.defaults());
        var server = new dev.yubin.smtp.server.SmtpServer(dev.yubin.smtp.server.SmtpSettings.builder()
                .hostname("mx.fwd.bench.test").build(), q.store, q.store, q.store.blobs(), indexer, List.of(),
                java.time.Clock.systemUTC(), q.queue);
        try (var listener = new dev.yubin.net.Listener(new dev.yubin.net.ListenerSettings("smtp",
                new java.net.InetSocketAddress("127.0.0.1", 0), dev.yubin.net.ListenerSettings.Tls.PLAIN, 1000, 1000,
                Duration.ofSeconds(60)), null, server.lineLimit(), server)) {
            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0;
            int per = messages / domains;
            int warmup = Integer.getInteger("bench.warmup", 0);
            if (warmup > 0) { // the same warm-up as the Postfix side gets: the JIT compiles the paths
                sendWithSmtpSource(listener.port(), domains, warmup / domains);
                while (q.queueStore.counts().getOrDefault(QueueState.DONE, 0L) < (long) warmup / domains * domains) {
                    Thread.sleep(50);
                }
            }
            long base = q.queueStore.counts().getOrDefault(QueueState.DONE, 0L);
            cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            sendWithSmtpSource(listener.port(), domains, per);
            long t1 = System.nanoTime();
            while (q.queueStore.counts().getOrDefault(QueueState.DONE, 0L) < base + (long) per * domains) {
                Thread.sleep(50);
            }
            long t2 = System.nanoTime();
            System.out.printf("outbound-bench-phases over=smtp cpu_us_per_msg=%.0f%n",
                    (os.getProcessCpuTime() - cpu0) / 1e3 / (per * domains));
            System.out.printf("outbound-bench messages=%d domains=%d submitted_per_s=%.0f"
                            + " delivered_per_s_from_first_submit=%.0f drain_after_submit_s=%.2f over=smtp%n",
                    per * domains, domains, per * domains / ((t1 - t0) / 1e9), per * domains / ((t2 - t0) / 1e9),
                    (t2 - t1) / 1e9);
        }
    }

    /** Postfix's smtp-source, 5 processes of 20 sessions at a time, {@code per} messages to each domain's alias. */
    private static void sendWithSmtpSource(int port, int domains, int per) throws Exception {
        for (int first = 0; first < domains; first += 5) {
            List<Process> batch = new java.util.ArrayList<>();
            for (int d = first; d < Math.min(domains, first + 5); d++) {
                batch.add(new ProcessBuilder("smtp-source", "-s", "20", "-m", Integer.toString(per), "-l", "2048",
                        "-f", "sender@client.test", "-t", "d" + d + "@fwd.bench.test", "127.0.0.1:" + port)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            for (Process p : batch) {
                if (p.waitFor() != 0) {
                    throw new AssertionError("smtp-source failed: " + p.exitValue());
                }
            }
        }
    }
}
