package dev.yubin.imap.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (no *Test suffix): {@code -Dtest=ImapBench -Dbench.messages=10000} times the
 * bench/imap operations against the real server and store.
 */
class ImapBench {
    @Test
    void bench() throws Exception {
        int n = Integer.getInteger("bench.messages", 10_000);
        Path dir = Files.createTempDirectory("imap-bench");
        try (ImapFixture fx = new ImapFixture(dir)) {
            long t0 = System.nanoTime();
            try (ExecutorService ex = Executors.newFixedThreadPool(16)) {
                List<Future<?>> fs = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int k = i;
                    fs.add(ex.submit(() -> fx.deliver(fx.alice, message(k))));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            }
            System.out.printf("load %d messages: %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
            var mb = fx.store.mailbox(fx.alice.id(), "INBOX").orElseThrow();
            for (int round = 0; round < 3; round++) {
                long t = System.nanoTime();
                var recs = fx.store.messages(mb.id());
                long t1 = System.nanoTime();
                List<String> all = new ArrayList<>();
                for (int i = 0; i < recs.size(); i += 500) {
                    List<Long> uids = new ArrayList<>();
                    for (int j = i; j < Math.min(recs.size(), i + 500); j++) {
                        uids.add(recs.get(j).uid());
                    }
                    all.addAll(fx.store.summaries(mb.id(), uids));
                }
                long t2 = System.nanoTime();
                List<dev.yubin.message.MessageSummary> parsed = new ArrayList<>();
                for (String j : all) {
                    parsed.add(dev.yubin.message.MessageSummary.fromJson(j));
                }
                long t3 = System.nanoTime();
                for (var m : parsed) {
                    m.envelope();
                }
                long t4 = System.nanoTime();
                fx.store.searchText(mb.id(), "needle4242");
                long t5 = System.nanoTime();
                System.out.printf("messages() %d ms, summaries %d ms, fromJson %d ms, envelope %d ms, searchText %d ms, json avg %d chars%n",
                        (t1 - t) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
                        (t5 - t4) / 1_000_000, all.get(0).length());
            }
            try (ImapTestClient c = fx.login()) {
                for (int round = 0; round < 3; round++) {
                    long t = System.nanoTime();
                    c.ok("SELECT INBOX");
                    System.out.printf("SELECT: %d ms%n", (System.nanoTime() - t) / 1_000_000);
                    t = System.nanoTime();
                    int lines = c.ok("FETCH 1:* (FLAGS UID RFC822.SIZE ENVELOPE)").size();
                    System.out.printf("FETCH 1:* envelope (%d lines): %d ms%n", lines, (System.nanoTime() - t) / 1_000_000);
                    t = System.nanoTime();
                    c.ok("FETCH 1:1000 BODY.PEEK[]");
                    System.out.printf("FETCH 1:1000 BODY.PEEK[]: %d ms%n", (System.nanoTime() - t) / 1_000_000);
                    t = System.nanoTime();
                    for (int i = 1; i <= 1000; i++) {
                        c.ok("FETCH " + (1 + (i * 7919) % n) + " (FLAGS BODY.PEEK[])");
                    }
                    System.out.printf("1000 single FETCH: %d ms%n", (System.nanoTime() - t) / 1_000_000);
                    t = System.nanoTime();
                    String r = c.ok("SEARCH BODY needle4242").get(0);
                    System.out.printf("SEARCH BODY: %d ms (%s)%n", (System.nanoTime() - t) / 1_000_000, r);
                }
            }
        }
    }

    /** {@code -Dtest=ImapBench#idleMemory -Dbench.idle=1000}: heap per idling session. */
    @Test
    void idleMemory() throws Exception {
        int n = Integer.getInteger("bench.idle", 1000);
        Path dir = Files.createTempDirectory("imap-idle");
        try (ImapFixture fx = new ImapFixture(dir, dev.yubin.imap.ImapSettings.defaults().withMaxSessionsPerUser(n + 10))) {
            fx.deliver(fx.alice, ImapFixture.message("x", "y"));
            List<java.net.Socket> socks = new ArrayList<>();
            long before = usedHeap();
            for (int i = 0; i < n; i++) {
                java.net.Socket s = new java.net.Socket("127.0.0.1", fx.port());
                s.getOutputStream().write(("a LOGIN alice@example.com " + ImapFixture.PASSWORD
                        + "\r\nb SELECT INBOX\r\nc IDLE\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socks.add(s);
            }
            for (java.net.Socket s : socks) {
                s.setSoTimeout(30_000);
                java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                        java.nio.charset.StandardCharsets.US_ASCII));
                String line;
                while ((line = r.readLine()) != null && !line.startsWith("+ idling")) {
                    // wait for IDLE to start
                }
            }
            long after = usedHeap();
            System.out.printf("%d idle sessions: %d KiB heap each%n", n, (after - before) / n / 1024);
            for (java.net.Socket s : socks) {
                s.close();
            }
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static String message(int k) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            body.append("Line ").append(i).append(" of message ").append(k)
                    .append(" lorem ipsum dolor sit amet consectetur adipiscing elit sed do\r\n");
        }
        body.append("needle").append(k).append("\r\n");
        return "From: Sender " + k + " <sender" + k + "@example.org>\r\nTo: Alice <alice@example.com>\r\n"
                + "Cc: bob@example.com, carol@example.net\r\nSubject: Message number " + k + " about things\r\n"
                + "Date: Mon, 02 Nov 2026 10:00:00 +0000\r\nMessage-ID: <msg" + k + "@example.org>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body;
    }
}
