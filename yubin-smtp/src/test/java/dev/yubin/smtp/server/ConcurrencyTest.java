package dev.yubin.smtp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.store.MessageRecord;
import dev.yubin.testkit.smtp.SmtpTestClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 20 clients × 50 messages at once: every acknowledged message is stored exactly once. */
class ConcurrencyTest {
    static final int CLIENTS = 20;
    static final int MESSAGES = 50;
    static final List<String> USERS = List.of("alice@example.com", "bob@example.com", "carol@example.org");

    @TempDir
    Path dir;

    @Test
    void twentyClientsFiftyMessagesEachAllDeliveredExactlyOnce() throws Exception {
        String filler = "x".repeat(70) + "\r\n";
        String body = filler.repeat(25); // ~2 KB messages
        try (SmtpFixture fx = SmtpFixture.start(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Integer>> results = new ArrayList<>();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    try (SmtpTestClient c = fx.greeted()) {
                        for (int m = 0; m < MESSAGES; m++) {
                            String rcpt = USERS.get((id + m) % USERS.size());
                            String msg = "Message-ID: <" + id + "." + m + "@test>\r\nSubject: c" + id + " m" + m
                                    + "\r\n\r\n" + body;
                            if (c.send("load@remote.example", List.of(rcpt), msg).code() == 250) {
                                ok++;
                            }
                        }
                        c.command("QUIT");
                    }
                    return ok;
                }));
            }
            int acknowledged = 0;
            for (Future<Integer> f : results) {
                acknowledged += f.get(120, TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
            System.out.printf("event=test.throughput messages=%d seconds=%.2f msg_per_s=%.0f cpu_ms_per_msg=%.2f"
                    + " (client and server in one process)%n", acknowledged, seconds, acknowledged / seconds,
                    cpuMs / acknowledged);
            assertThat(acknowledged).isEqualTo(CLIENTS * MESSAGES);
            Map<String, Integer> seen = new HashMap<>();
            for (String u : USERS) {
                for (MessageRecord r : fx.inbox(u)) {
                    String text = fx.text(r);
                    int s = text.indexOf("Subject: ");
                    seen.merge(text.substring(s, text.indexOf("\r\n", s)), 1, Integer::sum);
                }
            }
            assertThat(seen).hasSize(CLIENTS * MESSAGES);
            assertThat(seen.values()).allMatch(n -> n == 1);
        }
    }
}
