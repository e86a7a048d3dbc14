package dev.yubin.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link QueueStore} contract: durable entries, claims with leases, per-recipient outcomes,
 * operator commands, and the entry's hold on its blob. Subclasses open an implementation over a
 * data directory; opening the same directory again sees the same queue.
 */
public abstract class QueueStoreContract {
    /** What a test needs: the queue, the blob store its bodies live in, and how to close both. */
    public record Fixture(QueueStore queue, BlobStore blobs, AutoCloseable closer) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            closer.close();
        }
    }

    @TempDir
    protected Path dataDir;
    private Fixture fixture;
    private QueueStore queue;

    protected abstract Fixture open(Path dataDir) throws Exception;

    @BeforeEach
    void openQueue() throws Exception {
        fixture = open(dataDir);
        queue = fixture.queue();
    }

    @AfterEach
    void closeQueue() throws Exception {
        fixture.close();
    }

    private BlobId blob(String text) throws IOException {
        try (BlobStore.Writer w = fixture.blobs().create()) {
            w.stream().write(text.getBytes(StandardCharsets.UTF_8));
            return w.commit();
        }
    }

    private boolean exists(BlobId id) {
        try (InputStream in = fixture.blobs().open(id)) {
            return in != null;
        } catch (IOException e) {
            return false;
        }
    }

    private NewQueueEntry entry(BlobId blob, String sender, String... recipients) {
        List<QueueRecipient> rs = new java.util.ArrayList<>();
        for (int i = 0; i < recipients.length; i++) {
            rs.add(QueueRecipient.pending(i, recipients[i], Optional.of("rfc822;" + recipients[i]),
                    i == 0 ? Set.of(Notify.FAILURE, Notify.DELAY) : Set.of()));
        }
        return new NewQueueEntry("ORIG1", "remote.example", blob, 42, sender, Optional.of("env-1"),
                Optional.of(Ret.HDRS), NewQueueEntry.Utf8.NOT_NEEDED, BodyType.EIGHT_BIT_MIME, rs,
                Instant.now().minusSeconds(5));
    }

    private static Instant later() {
        return Instant.now().plusSeconds(1);
    }

    private AttemptResult result(QueueEntry e, QueueState state, Instant next, RecipientState... states) {
        List<QueueRecipient> rs = new java.util.ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            rs.add(e.recipients().get(i).with(states[i], "reply " + i));
        }
        return new AttemptResult(rs, state, next, "why", QueueEntry.DelayWarning.NOT_SENT);
    }

    @Test
    void enqueuedEntryIsStoredWithEveryField() throws Exception {
        BlobId b = blob("hello");
        long id = queue.enqueue(entry(b, "alice@example.org", "x@remote.example", "y@remote.example"));
        QueueEntry e = queue.entry(id).orElseThrow();
        assertThat(e.state()).isEqualTo(QueueState.INCOMING);
        assertThat(e.sender()).isEqualTo("alice@example.org");
        assertThat(e.destination()).isEqualTo("remote.example");
        assertThat(e.blob()).isEqualTo(b);
        assertThat(e.envelopeId()).contains("env-1");
        assertThat(e.ret()).contains(Ret.HDRS);
        assertThat(e.body()).isEqualTo(BodyType.EIGHT_BIT_MIME);
        assertThat(e.attempts()).isZero();
        assertThat(e.recipients()).extracting(QueueRecipient::address).containsExactly("x@remote.example", "y@remote.example");
        assertThat(e.recipients().get(0).notifyOn()).containsExactlyInAnyOrder(Notify.FAILURE, Notify.DELAY);
        assertThat(e.recipients().get(0).originalRecipient()).contains("rfc822;x@remote.example");
        assertThat(e.recipients().get(1).notifyOn()).isEmpty();
        assertThat(queue.list(10)).extracting(QueueEntry::id).containsExactly(id);
        assertThat(queue.counts()).containsEntry(QueueState.INCOMING, 1L);
    }

    @Test
    void nullSenderIsKept() throws Exception {
        long id = queue.enqueue(entry(blob("b"), "", "x@remote.example"));
        assertThat(queue.entry(id).orElseThrow().isNullSender()).isTrue();
    }

    @Test
    void claimHandsAnEntryOutOnceUntilItsLeaseEnds() throws Exception {
        long id = queue.enqueue(entry(blob("a"), "a@example.org", "x@remote.example"));
        List<QueueEntry> first = queue.claimDue(later(), Duration.ofMinutes(10), 10);
        assertThat(first).extracting(QueueEntry::id).containsExactly(id);
        assertThat(first.get(0).state()).isEqualTo(QueueState.ACTIVE);
        assertThat(queue.claimDue(later(), Duration.ofMinutes(10), 10)).isEmpty();
        assertThat(queue.claimDue(later().plus(Duration.ofMinutes(11)), Duration.ofMinutes(10), 10))
                .extracting(QueueEntry::id).containsExactly(id);
    }

    @Test
    void enqueueClaimedStoresActiveEntriesThatNobodyElseClaims() throws Exception {
        BlobId b = blob("shared");
        Instant now = Instant.now();
        List<QueueEntry> claimed = queue.enqueueClaimed(List.of(entry(b, "a@example.org", "x@remote.example"),
                entry(b, "a@example.org", "y@other.example")), now, Duration.ofMinutes(10));
        assertThat(claimed).hasSize(2).allSatisfy(e -> {
            assertThat(e.state()).isEqualTo(QueueState.ACTIVE);
            assertThat(e.leaseUntil()).isEqualTo(Instant.ofEpochMilli(now.toEpochMilli()).plus(Duration.ofMinutes(10)));
        });
        assertThat(claimed.get(0).id()).isNotEqualTo(claimed.get(1).id());
        assertThat(queue.entry(claimed.get(1).id()).orElseThrow().recipients())
                .extracting(QueueRecipient::address).containsExactly("y@other.example");
        assertThat(queue.claimDue(later(), Duration.ofMinutes(10), 10)).isEmpty();
        assertThat(queue.claimDue(later().plus(Duration.ofMinutes(11)), Duration.ofMinutes(10), 10)).hasSize(2);
    }

    @Test
    void renewedLeaseKeepsOtherClaimersAwayAndAnExpiredOneIsNotRevived() throws Exception {
        Instant t0 = Instant.now();
        long id = queue.enqueueClaimed(List.of(entry(blob("r"), "a@example.org", "x@remote.example")), t0,
                Duration.ofSeconds(30)).get(0).id();
        assertThat(queue.renewLeases(List.of(id), t0.plusSeconds(20), t0.plusSeconds(50))).isEqualTo(1);
        assertThat(queue.claimDue(t0.plusSeconds(40), Duration.ofSeconds(30), 10)).isEmpty();
        assertThat(queue.renewLeases(List.of(id), t0.plusSeconds(60), t0.plusSeconds(90))).isZero(); // ran out at 50
        assertThat(queue.claimDue(t0.plusSeconds(61), Duration.ofSeconds(30), 10)).extracting(QueueEntry::id)
                .containsExactly(id);
    }

    @Test
    void finishAttemptsAppliesManyOutcomesAtOnce() throws Exception {
        BlobId b = blob("many");
        List<QueueEntry> claimed = queue.enqueueClaimed(List.of(entry(b, "a@example.org", "x@remote.example"),
                entry(b, "a@example.org", "y@remote.example")), Instant.now(), Duration.ofMinutes(10));
        long gone = queue.enqueue(entry(blob("gone"), "a@example.org", "z@remote.example"));
        QueueEntry first = claimed.get(0);
        QueueEntry second = claimed.get(1);
        List<Boolean> applied = queue.finishAttempts(List.of(
                new QueueStore.FinishedAttempt(first.id(), result(first, QueueState.DONE, later(), RecipientState.DELIVERED)),
                new QueueStore.FinishedAttempt(gone, result(first, QueueState.DONE, later(), RecipientState.DELIVERED)),
                new QueueStore.FinishedAttempt(second.id(),
                        result(second, QueueState.DEFERRED, later(), RecipientState.PENDING)))).applied();
        assertThat(applied).containsExactly(true, false, true); // the INCOMING one was never claimed
        assertThat(queue.entry(first.id()).orElseThrow().state()).isEqualTo(QueueState.DONE);
        assertThat(queue.entry(second.id()).orElseThrow().state()).isEqualTo(QueueState.DEFERRED);
        assertThat(exists(b)).isTrue(); // the deferred entry still holds the shared body
    }

    private static QueueReport failure(String rcpt) {
        return new QueueReport(rcpt, Optional.empty(), QueueReport.Kind.FAILED, "5.1.1", Optional.of("mx.remote"),
                Optional.of("550 5.1.1 no such user"), Instant.now(), Optional.empty());
    }

    private AttemptResult bounced(QueueEntry e, AttemptResult.ReportTiming timing, QueueState state) {
        AttemptResult r = result(e, state, later(), state == QueueState.BOUNCED ? RecipientState.FAILED
                : RecipientState.PENDING);
        return new AttemptResult(r.recipients(), r.state(), r.nextAttempt(), r.lastError(), r.delayWarned(),
                List.of(failure(e.recipients().get(0).address())), timing);
    }

    @Test
    void reportPartsOfAllDomainsOfAMessageBecomeDueTogether() throws Exception {
        BlobId b = blob("Subject: original\r\n\r\nbody\r\n");
        List<QueueEntry> claimed = queue.enqueueClaimed(List.of(entry(b, "a@example.org", "x@remote.example"),
                entry(b, "a@example.org", "y@other.example")), Instant.now(), Duration.ofMinutes(10));
        QueueStore.Finished first = queue.finishAttempts(List.of(new QueueStore.FinishedAttempt(claimed.get(0).id(),
                bounced(claimed.get(0), AttemptResult.ReportTiming.WHEN_MESSAGE_DONE, QueueState.BOUNCED))));
        assertThat(first.reportsDue()).isFalse(); // the other domain is still unfinished
        assertThat(queue.dueReports(10)).isEmpty();
        QueueStore.Finished second = queue.finishAttempts(List.of(new QueueStore.FinishedAttempt(claimed.get(1).id(),
                bounced(claimed.get(1), AttemptResult.ReportTiming.WHEN_MESSAGE_DONE, QueueState.BOUNCED))));
        assertThat(second.reportsDue()).isTrue();
        List<DueReports> due = queue.dueReports(10);
        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.originId()).isEqualTo("ORIG1");
            assertThat(d.sender()).isEqualTo("a@example.org");
            assertThat(d.blob()).isEqualTo(b);
            assertThat(d.reports()).extracting(QueueReport::recipient)
                    .containsExactly("x@remote.example", "y@other.example");
        });
        assertThat(exists(b)).isTrue(); // the DSN returns the original's header
        queue.reportsSent(due.get(0).ids());
        assertThat(queue.dueReports(10)).isEmpty();
        assertThat(exists(b)).isFalse();
    }

    @Test
    void deletingTheLastUnfinishedEntryOfAMessageMakesItsPartsDue() throws Exception {
        BlobId b = blob("deleted sibling");
        List<QueueEntry> claimed = queue.enqueueClaimed(List.of(entry(b, "a@example.org", "x@remote.example"),
                entry(b, "a@example.org", "y@other.example")), Instant.now(), Duration.ofMinutes(10));
        queue.finishAttempts(List.of(new QueueStore.FinishedAttempt(claimed.get(0).id(),
                bounced(claimed.get(0), AttemptResult.ReportTiming.WHEN_MESSAGE_DONE, QueueState.BOUNCED))));
        assertThat(queue.dueReports(10)).isEmpty();
        assertThat(queue.delete(claimed.get(1).id())).isTrue();
        assertThat(queue.dueReports(10)).singleElement().satisfies(d -> assertThat(d.reports()).hasSize(1));
    }

    @Test
    void aDelayWarningMakesTheCollectedPartsDueAtOnce() throws Exception {
        BlobId b = blob("delayed");
        List<QueueEntry> claimed = queue.enqueueClaimed(List.of(entry(b, "a@example.org", "x@remote.example"),
                entry(b, "a@example.org", "y@other.example")), Instant.now(), Duration.ofMinutes(10));
        queue.finishAttempts(List.of(new QueueStore.FinishedAttempt(claimed.get(0).id(),
                bounced(claimed.get(0), AttemptResult.ReportTiming.WHEN_MESSAGE_DONE, QueueState.BOUNCED))));
        assertThat(queue.finishAttempts(List.of(new QueueStore.FinishedAttempt(claimed.get(1).id(),
                bounced(claimed.get(1), AttemptResult.ReportTiming.NOW, QueueState.DEFERRED)))).reportsDue()).isTrue();
        assertThat(queue.dueReports(10)).singleElement().satisfies(d -> assertThat(d.reports()).hasSize(2));
    }

    @Test
    void claimRespectsMaxAndDueTime() throws Exception {
        for (int i = 0; i < 5; i++) {
            queue.enqueue(entry(blob("m" + i), "a@example.org", "x@remote.example"));
        }
        assertThat(queue.claimDue(Instant.now().minusSeconds(60), Duration.ofMinutes(1), 10)).isEmpty();
        assertThat(queue.claimDue(later(), Duration.ofMinutes(1), 3)).hasSize(3);
        assertThat(queue.claimDue(later(), Duration.ofMinutes(1), 10)).hasSize(2);
    }

    @Test
    void deferredEntryWaitsForItsNextAttempt() throws Exception {
        long id = queue.enqueue(entry(blob("a"), "a@example.org", "x@remote.example", "y@remote.example"));
        QueueEntry e = queue.claimDue(later(), Duration.ofMinutes(10), 10).get(0);
        Instant next = Instant.now().plus(Duration.ofMinutes(5));
        assertThat(queue.finishAttempt(id, result(e, QueueState.DEFERRED, next, RecipientState.DELIVERED,
                RecipientState.PENDING))).isTrue();
        QueueEntry after = queue.entry(id).orElseThrow();
        assertThat(after.state()).isEqualTo(QueueState.DEFERRED);
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(after.lastError()).isEqualTo("why");
        assertThat(after.recipients()).extracting(QueueRecipient::state)
                .containsExactly(RecipientState.DELIVERED, RecipientState.PENDING);
        assertThat(after.recipients().get(1).lastReply()).isEqualTo("reply 1");
        assertThat(after.pending()).hasSize(1);
        assertThat(queue.nextDue()).isPresent();
        assertThat(queue.claimDue(later(), Duration.ofMinutes(10), 10)).isEmpty();
        assertThat(queue.claimDue(next.plusSeconds(1), Duration.ofMinutes(10), 10)).hasSize(1);
    }

    @Test
    void finishOnlyAppliesToActiveEntries() throws Exception {
        long id = queue.enqueue(entry(blob("a"), "a@example.org", "x@remote.example"));
        QueueEntry e = queue.entry(id).orElseThrow();
        assertThat(queue.finishAttempt(id, result(e, QueueState.DONE, later(), RecipientState.DELIVERED))).isFalse();
        assertThat(queue.entry(id).orElseThrow().state()).isEqualTo(QueueState.INCOMING);
    }

    @Test
    void finishedEntryReleasesItsBlob() throws Exception {
        BlobId b = blob("body");
        long id = queue.enqueue(entry(b, "a@example.org", "x@remote.example"));
        QueueEntry e = queue.claimDue(later(), Duration.ofMinutes(10), 10).get(0);
        assertThat(exists(b)).isTrue();
        queue.finishAttempt(id, result(e, QueueState.DONE, later(), RecipientState.DELIVERED));
        assertThat(queue.entry(id).orElseThrow().state()).isEqualTo(QueueState.DONE);
        assertThat(exists(b)).isFalse();
        assertThat(queue.list(10)).isEmpty();
        assertThat(queue.purgeFinished(Instant.now().plusSeconds(1))).isEqualTo(1);
        assertThat(queue.entry(id)).isEmpty();
    }

    @Test
    void sharedBlobStaysUntilTheLastEntryFinishes() throws Exception {
        BlobId b = blob("shared");
        long one = queue.enqueue(entry(b, "a@example.org", "x@remote.example"));
        long two = queue.enqueue(entry(b, "a@example.org", "y@other.example"));
        List<QueueEntry> claimed = queue.claimDue(later(), Duration.ofMinutes(10), 10);
        queue.finishAttempt(one, result(claimed.get(0), QueueState.BOUNCED, later(), RecipientState.FAILED));
        assertThat(exists(b)).isTrue();
        assertThat(queue.delete(two)).isTrue();
        assertThat(exists(b)).isFalse();
    }

    @Test
    void operatorCommands() throws Exception {
        long id = queue.enqueue(entry(blob("a"), "a@example.org", "x@remote.example"));
        assertThat(queue.hold(id)).isTrue();
        assertThat(queue.hold(id)).isFalse();
        assertThat(queue.claimDue(later(), Duration.ofMinutes(1), 10)).isEmpty();
        assertThat(queue.retry(id)).isFalse();
        assertThat(queue.release(id)).isTrue();
        assertThat(queue.release(id)).isFalse();
        assertThat(queue.entry(id).orElseThrow().state()).isEqualTo(QueueState.DEFERRED);
        assertThat(queue.retry(id)).isTrue();
        assertThat(queue.claimDue(later(), Duration.ofMinutes(1), 10)).hasSize(1);
        assertThat(queue.delete(id)).isTrue();
        assertThat(queue.delete(id)).isFalse();
        assertThat(queue.entry(id)).isEmpty();
        assertThat(queue.hold(999_999)).isFalse();
    }

    @Test
    void heldWhileActiveCannotBeFinished() throws Exception {
        long id = queue.enqueue(entry(blob("a"), "a@example.org", "x@remote.example"));
        QueueEntry e = queue.claimDue(later(), Duration.ofMinutes(1), 10).get(0);
        assertThat(queue.hold(id)).isTrue();
        assertThat(queue.finishAttempt(id, result(e, QueueState.DONE, later(), RecipientState.DELIVERED))).isFalse();
        assertThat(queue.entry(id).orElseThrow().state()).isEqualTo(QueueState.HELD);
    }

    @Test
    void entriesSurviveReopeningAndActiveOnesCanBeRequeued() throws Exception {
        BlobId b = blob("durable");
        long id = queue.enqueue(entry(b, "a@example.org", "x@remote.example"));
        long other = queue.enqueue(entry(blob("other"), "a@example.org", "z@remote.example"));
        queue.claimDue(later(), Duration.ofHours(1), 1);
        fixture.close();
        fixture = open(dataDir);
        queue = fixture.queue();
        assertThat(queue.entry(id).orElseThrow().state()).isEqualTo(QueueState.ACTIVE);
        assertThat(queue.entry(other).orElseThrow().state()).isEqualTo(QueueState.INCOMING);
        assertThat(queue.requeueActive()).isEqualTo(1);
        assertThat(queue.claimDue(later(), Duration.ofHours(1), 10)).extracting(QueueEntry::id)
                .containsExactlyInAnyOrder(id, other);
        assertThat(exists(b)).isTrue();
    }
}
