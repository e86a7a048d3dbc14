package dev.yubin.smtp.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.smtp.client.Reply;
import dev.yubin.smtp.dsn.Action;
import dev.yubin.smtp.dsn.RecipientReport;
import dev.yubin.store.BlobId;
import dev.yubin.store.queue.BodyType;
import dev.yubin.store.queue.NewQueueEntry;
import dev.yubin.store.queue.Notify;
import dev.yubin.store.queue.QueueEntry;
import dev.yubin.store.queue.QueueRecipient;
import dev.yubin.store.queue.QueueState;
import dev.yubin.store.queue.RecipientState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The retry / bounce / warning decisions, with times chosen by the test. */
class AttemptsTest {
    private static final Instant CREATED = Instant.parse("2026-11-20T00:00:00Z");
    private static final OutboundSettings S = OutboundSettings.defaults("out.test");
    private static final Reply TEMP = new Reply(451, List.of("4.3.0 later"), Reply.Origin.REMOTE);

    private static QueueEntry entry(int attempts, QueueEntry.DelayWarning warned, Set<Notify> notify) {
        return new QueueEntry(1, "O", "remote.test", new BlobId("0123456789abcdef0123"), 10, "a@example.com",
                Optional.empty(), Optional.empty(), NewQueueEntry.Utf8.NOT_NEEDED, BodyType.UNSPECIFIED,
                List.of(QueueRecipient.pending(0, "b@remote.test", Optional.empty(), notify)), QueueState.ACTIVE,
                CREATED, CREATED, CREATED, attempts, "", warned);
    }

    private static Attempts.Decision decide(QueueEntry e, Map<Integer, Reply> replies, Instant now) {
        return Attempts.decide(e, replies, Optional.of("mx.remote.test"), "connection refused",
                Attempts.DsnAtNextHop.OFFERED, now, S);
    }

    @Test
    void backOffDoublesUpToTheCeiling() {
        assertThat(S.retryDelay(1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(S.retryDelay(2)).isEqualTo(Duration.ofMinutes(10));
        assertThat(S.retryDelay(4)).isEqualTo(Duration.ofMinutes(40));
        assertThat(S.retryDelay(7)).isEqualTo(Duration.ofHours(4));
        assertThat(S.retryDelay(100)).isEqualTo(Duration.ofHours(4));
        Instant now = CREATED.plusSeconds(60);
        var d = decide(entry(2, QueueEntry.DelayWarning.NOT_SENT, Set.of()), Map.of(0, TEMP), now);
        assertThat(d.result().state()).isEqualTo(QueueState.DEFERRED);
        assertThat(d.result().nextAttempt()).isEqualTo(now.plus(Duration.ofMinutes(20)));
        assertThat(d.reports()).isEmpty();
    }

    @Test
    void delayWarningOnceAfterFourHoursWhenNotifyAllows() {
        Instant now = CREATED.plus(Duration.ofHours(5));
        var d = decide(entry(3, QueueEntry.DelayWarning.NOT_SENT, Set.of()), Map.of(), now);
        assertThat(d.result().delayWarned()).isEqualTo(QueueEntry.DelayWarning.SENT);
        assertThat(d.reports()).extracting(RecipientReport::action).containsExactly(Action.DELAYED);
        assertThat(d.reports().get(0).willRetryUntil()).contains(CREATED.plus(Duration.ofDays(5)));
        assertThat(decide(entry(4, QueueEntry.DelayWarning.SENT, Set.of()), Map.of(), now).reports()).isEmpty();
        var failureOnly = decide(entry(3, QueueEntry.DelayWarning.NOT_SENT, Set.of(Notify.FAILURE)), Map.of(), now);
        assertThat(failureOnly.reports()).isEmpty();
        assertThat(failureOnly.result().delayWarned()).isEqualTo(QueueEntry.DelayWarning.SENT);
    }

    @Test
    void expiredMessageFailsWith447() {
        Instant now = CREATED.plus(Duration.ofDays(5)).plusSeconds(1);
        var d = decide(entry(30, QueueEntry.DelayWarning.SENT, Set.of()), Map.of(0, TEMP), now);
        assertThat(d.result().state()).isEqualTo(QueueState.BOUNCED);
        assertThat(d.result().recipients().get(0).state()).isEqualTo(RecipientState.FAILED);
        assertThat(d.reports()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(Action.FAILED);
            assertThat(r.status()).isEqualTo("4.4.7");
            assertThat(r.diagnostic().orElseThrow()).contains("expired").contains("451 4.3.0 later");
        });
    }

    @Test
    void successIsReportedAsRelayedOnlyWhenAskedAndTheNextHopCannot() {
        QueueEntry e = entry(0, QueueEntry.DelayWarning.NOT_SENT, Set.of(Notify.SUCCESS));
        Reply ok = new Reply(250, List.of("2.0.0 ok"), Reply.Origin.REMOTE);
        var offered = decide(e, Map.of(0, ok), CREATED);
        assertThat(offered.reports()).isEmpty();
        assertThat(offered.result().state()).isEqualTo(QueueState.DONE);
        var notOffered = Attempts.decide(e, Map.of(0, ok), Optional.of("mx"), "", Attempts.DsnAtNextHop.NOT_OFFERED,
                CREATED, S);
        assertThat(notOffered.reports()).extracting(RecipientReport::action).containsExactly(Action.RELAYED);
        var local = Attempts.decide(e, Map.of(0, ok), Optional.empty(), "", Attempts.DsnAtNextHop.FINAL_DELIVERY,
                CREATED, S);
        assertThat(local.reports()).extracting(RecipientReport::action).containsExactly(Action.DELIVERED);
        var notAsked = Attempts.decide(entry(0, QueueEntry.DelayWarning.NOT_SENT, Set.of()), Map.of(0, ok),
                Optional.of("mx"), "", Attempts.DsnAtNextHop.NOT_OFFERED, CREATED, S);
        assertThat(notAsked.reports()).isEmpty();
    }
}
