package dev.yubin.smtp.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.yubin.smtp.client.ScriptedSmtpServer;
import dev.yubin.store.queue.QueueEntry;
import dev.yubin.store.queue.QueueState;
import dev.yubin.store.sql.queue.SqliteQueueStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An attempt that lasts longer than a lease: the scheduler renews the lease while it works, so a
 * second claimer on the same queue (another process) never gets the entry, and it is delivered
 * exactly once.
 */
class LeaseRenewalTest extends QueueTestBase {
    private static final Duration LEASE = Duration.ofMillis(600);



    @Test
    void aSlowAttemptKeepsItsLeaseAndNobodyElseClaimsTheEntry() throws Exception {
        dns = QueueFixture.dns();
        receiver = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() {
            @Override
            public String endOfData(int attempt) {
                try {
                    Thread.sleep(LEASE.multipliedBy(4).toMillis()); // the receiver thinks for four leases
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "250 2.0.0 Ok";
            }
        });
        q = new QueueFixture(dir, dns, QueueFixture.settings(receiver.port()).withLease(LEASE));
        SqliteQueueStore otherProcess = new SqliteQueueStore(q.store, Clock.systemUTC());
        long id = q.send("slow", "bob@remote.test").get(0);
        List<QueueEntry> stolen = new ArrayList<>();
        Instant end = Instant.now().plus(LEASE.multipliedBy(3));
        while (Instant.now().isBefore(end)) {
            stolen.addAll(otherProcess.claimDue(Instant.now(), LEASE, 10));
            Thread.sleep(50);
        }
        assertThat(stolen).as("another claimer got the entry during the attempt").isEmpty();
        assertThat(q.entry(id).state()).isEqualTo(QueueState.ACTIVE);
        assertThat(q.entry(id).leaseUntil()).isAfter(Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> q.entry(id).state() == QueueState.DONE);
        assertThat(receiver.received()).hasSize(1);
    }
}
