package dev.yubin.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.store.BlobId;
import dev.yubin.store.Credentials;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.User;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a delivering process ({@link CrashChild}) with SIGKILL in mid-load, twice, and checks
 * the reopened store: every acknowledged delivery is present exactly once in both mailboxes, with
 * its body; the database passes SQLite's integrity check and the store's own consistency checks.
 */
class CrashTest {
    @TempDir
    Path dataDir;

    private record Ack(String blob, long uidA, long uidB) {
    }

    @Test
    void acknowledgedDeliveriesSurviveKill() throws Exception {
        try (SqliteStore store = SqliteStore.open(dataDir)) {
            store.addDomain(Domain.parse("crash.test"));
            Credentials c = new Credentials("$argon2id$test", Optional.empty());
            store.addUser(EmailAddress.parse("a@crash.test"), c);
            store.addUser(EmailAddress.parse("b@crash.test"), c);
        }
        List<Ack> acks = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            acks.addAll(runAndKill(200, 2000 + round * 500L));
        }
        try (SqliteStore store = SqliteStore.open(dataDir)) {
            assertThat(store.integrityCheck()).isEmpty();
            User a = store.user(EmailAddress.parse("a@crash.test")).orElseThrow();
            User b = store.user(EmailAddress.parse("b@crash.test")).orElseThrow();
            check(store, store.mailbox(a.id(), Mailbox.INBOX).orElseThrow(), acks, true);
            check(store, store.mailbox(b.id(), Mailbox.INBOX).orElseThrow(), acks, false);
        }
    }

    private void check(SqliteStore store, Mailbox inbox, List<Ack> acks, boolean first) throws Exception {
        Map<Long, MessageRecord> byUid = new HashMap<>();
        Map<BlobId, Integer> perBlob = new HashMap<>();
        for (MessageRecord m : store.messages(inbox.id())) {
            byUid.put(m.uid(), m);
            perBlob.merge(m.blob(), 1, Integer::sum);
            assertThat(store.blobs().size(m.blob())).as("body of uid %d", m.uid()).isEqualTo(m.size());
        }
        assertThat(perBlob.values()).as("no message stored twice").allMatch(n -> n == 1);
        for (Ack ack : acks) {
            MessageRecord m = byUid.get(first ? ack.uidA() : ack.uidB());
            assertThat(m).as("acknowledged %s", ack).isNotNull();
            assertThat(m.blob().value()).isEqualTo(ack.blob());
        }
        assertThat(byUid.size()).isGreaterThanOrEqualTo(acks.size());
        assertThat(byUid.values()).as("both kinds of body were delivered")
                .anyMatch(m -> m.size() > 65_536).anyMatch(m -> m.size() < 65_536);
    }

    /** Runs the child until it has acknowledged {@code maxAcks} or for {@code millis} after start-up, then kills it. */
    private List<Ack> runAndKill(int maxAcks, long millis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                dataDir.toString(), "8");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        List<Ack> acks = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch enough = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else if (line.startsWith("ERR ")) {
                        synchronized (acks) {
                            errors.add(line);
                        }
                    } else if (line.startsWith("ACK ")) {
                        String[] f = line.split(" ");
                        synchronized (acks) {
                            acks.add(new Ack(f[1], Long.parseLong(f[2]), Long.parseLong(f[3])));
                            if (acks.size() >= maxAcks) {
                                enough.countDown();
                            }
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // the child died: its output ends here
            }
        });
        reader.start();
        try {
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("child started").isTrue();
            enough.await(millis, TimeUnit.MILLISECONDS);
            p.destroyForcibly(); // SIGKILL in the middle of the load
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            reader.join(5000);
        } finally {
            p.destroyForcibly();
        }
        synchronized (acks) {
            assertThat(errors).as("child errors").isEmpty();
            assertThat(acks).as("the child delivered before it was killed").hasSizeGreaterThan(10);
            return new ArrayList<>(acks);
        }
    }
}
