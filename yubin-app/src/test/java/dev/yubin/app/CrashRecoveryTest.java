package dev.yubin.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.Passwords;
import dev.yubin.store.User;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2 §7: a {@code kill -9} of the server process under load loses no acknowledged message,
 * stores none twice and leaves no partial one; the store opens cleanly afterwards.
 */
class CrashRecoveryTest {
    private static final Pattern TOKEN = Pattern.compile("X-Crash-Token: (t\\d+-\\d+)");
    private static final String END = "END-OF-CRASH-MESSAGE";

    @TempDir
    Path dir;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process startServer(Path config, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "dev.yubin.app.Main", "serve", "--config", config.toString());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    private static void awaitPort(int port, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("server exited with " + p.exitValue());
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("server did not open port " + port);
    }

    @Test
    void killDashNineLosesNoAcknowledgedMessage() throws Exception {
        int port = freePort();
        Path data = dir.resolve("data");
        Path config = dir.resolve("yubin.yaml");
        Files.writeString(config, "data-dir: " + data + "\nsmtp:\n  listen: 127.0.0.1:" + port + "\n"
                + "submission:\n  listen: off\nsubmissions:\n  listen: off\n"
                + "imap:\n  listen: off\nimaps:\n  listen: off\npop3:\n  listen: off\npop3s:\n  listen: off\nhttp:\n  listen: off\n");
        try (Stores s = Stores.open(data)) {
            s.directory().addDomain(Domain.parse("crash.test"));
            s.directory().addUser(EmailAddress.parse("u@crash.test"), Passwords.create("pw"));
        }

        Process server = startServer(config, dir.resolve("server1.log"));
        Set<String> acked = ConcurrentHashMap.newKeySet();
        try {
            awaitPort(port, server);
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                clients.add(Thread.ofPlatform().start(() -> sendUntilDead(port, thread, acked)));
            }
            // Kill while the load runs: after enough acknowledgements (bounded in time on a busy machine).
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (acked.size() < 60 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            server.destroyForcibly().waitFor(20, TimeUnit.SECONDS); // SIGKILL
            for (Thread c : clients) {
                c.join(30_000);
            }
        } finally {
            server.destroyForcibly();
        }
        assertThat(acked).as("the load ran before the kill").hasSizeGreaterThanOrEqualTo(10);

        Map<String, Integer> stored = new HashMap<>();
        try (Stores s = Stores.open(data)) {
            User u = s.directory().user(EmailAddress.parse("u@crash.test")).orElseThrow();
            Mailbox inbox = s.mailboxes().mailbox(u.id(), "INBOX").orElseThrow();
            for (MessageRecord m : s.mailboxes().messages(inbox.id())) {
                String text;
                try (InputStream in = s.blobs().open(m.blob())) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                assertThat(text).as("stored message is complete").contains(END);
                assertThat((long) text.getBytes(StandardCharsets.UTF_8).length).isEqualTo(m.size());
                Matcher matcher = TOKEN.matcher(text);
                assertThat(matcher.find()).isTrue();
                stored.merge(matcher.group(1), 1, Integer::sum);
            }
        }
        for (String token : acked) {
            assertThat(stored.get(token)).as("acknowledged message %s stored exactly once", token).isEqualTo(1);
        }
        assertThat(stored.values()).allMatch(n -> n == 1);

        // The server starts again on the recovered store and takes mail.
        Process again = startServer(config, dir.resolve("server2.log"));
        try {
            awaitPort(port, again);
            try (RawSmtp c = new RawSmtp(port)) {
                c.send("a@b.test", "u@crash.test", message("after", 0));
            }
        } finally {
            again.destroy();
            again.waitFor(20, TimeUnit.SECONDS);
            again.destroyForcibly();
        }
    }

    private static String message(String thread, int n) {
        StringBuilder sb = new StringBuilder();
        sb.append("From: a@b.test\r\nTo: u@crash.test\r\nSubject: crash ").append(n).append("\r\n");
        sb.append("X-Crash-Token: t").append(thread).append('-').append(n).append("\r\n\r\n");
        for (int i = 0; i < 40; i++) {
            sb.append("line ").append(i).append(" of a message that must arrive whole or not at all\r\n");
        }
        sb.append(END).append("\r\n");
        return sb.toString();
    }

    private static void sendUntilDead(int port, int thread, Set<String> acked) {
        int n = 0;
        while (true) {
            try (RawSmtp c = new RawSmtp(port)) {
                for (int k = 0; k < 5; k++) {
                    n++;
                    c.send("a@b.test", "u@crash.test", message(String.valueOf(thread), n));
                    acked.add("t" + thread + "-" + n);
                }
            } catch (IOException e) {
                return; // the server is gone
            }
        }
    }
}
