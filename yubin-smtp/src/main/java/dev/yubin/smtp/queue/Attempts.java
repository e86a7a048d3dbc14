package dev.yubin.smtp.queue;

import dev.yubin.smtp.client.Reply;
import dev.yubin.smtp.dsn.Action;
import dev.yubin.smtp.dsn.RecipientReport;
import dev.yubin.store.queue.AttemptResult;
import dev.yubin.store.queue.QueueEntry;
import dev.yubin.store.queue.QueueRecipient;
import dev.yubin.store.queue.QueueState;
import dev.yubin.store.queue.RecipientState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that turns an attempt's replies into the entry's next state (through
 * {@link QueueState#next}) and the reports owed: 2xx → delivered, 5xx → failed, 4xx or no
 * answer → still pending, retried after the back-off; pending past the lifetime → failed
 * (4.4.7); the delayed-delivery warning once after {@link OutboundSettings#delayWarning()}.
 * The reports go into the outcome ({@link AttemptResult#reports()}): the store keeps them until
 * every entry of the message is done and the scheduler sends them as one DSN (at once when a
 * delay warning is among them).
 */
final class Attempts {
    private Attempts() {
    }

    /** The new state to store and the reports to send (empty lists when none is wanted). */
    record Decision(AttemptResult result, List<RecipientReport> reports, int delivered, int failed, int pending) {
    }

    /**
     * @param replies reply per recipient index for those tried; pending recipients without one
     *     stay pending with {@code problem} as their last reply
     * @param nextHopDsn whether the receiving server offered DSN (then it reports successes itself)
     */
    static Decision decide(QueueEntry e, Map<Integer, Reply> replies, Optional<String> remoteMta, String problem,
                           DsnAtNextHop nextHopDsn, Instant now, OutboundSettings s) {
        List<QueueRecipient> out = new ArrayList<>(e.recipients().size());
        List<RecipientReport> failed = new ArrayList<>();
        List<RecipientReport> succeeded = new ArrayList<>();
        List<QueueRecipient> stillPending = new ArrayList<>();
        Instant expiry = e.created().plus(s.maxLifetime());
        boolean expired = !now.isBefore(expiry);
        for (QueueRecipient r : e.recipients()) {
            if (r.state() != RecipientState.PENDING) {
                out.add(r);
                continue;
            }
            Reply reply = replies.get(r.index());
            if (reply != null && reply.isPositive()) {
                out.add(r.with(RecipientState.DELIVERED, reply.oneLine()));
                switch (nextHopDsn) {
                    case NOT_OFFERED -> succeeded.add(report(r, Action.RELAYED, reply.status(), remoteMta, reply, now,
                            Optional.empty()));
                    case FINAL_DELIVERY -> succeeded.add(report(r, Action.DELIVERED, reply.status(), Optional.empty(),
                            reply, now, Optional.empty()));
                    case OFFERED -> {
                        // RFC 3461 §5.2.2: the next hop took over; it reports success itself
                    }
                }
            } else if (reply != null && reply.isPermanent()) {
                out.add(r.with(RecipientState.FAILED, reply.oneLine()));
                failed.add(report(r, Action.FAILED, reply.status(), mta(reply, remoteMta), reply, now, Optional.empty()));
            } else {
                String last = reply != null ? reply.oneLine() : problem;
                if (expired) {
                    // RFC 5321 §4.5.4.1: give up after the lifetime; RFC 3463 4.4.7 delivery time expired
                    out.add(r.with(RecipientState.FAILED, last));
                    failed.add(new RecipientReport(r.address(), r.originalRecipient(), Action.FAILED, "4.4.7",
                            reply == null ? Optional.empty() : mta(reply, remoteMta),
                            Optional.of("delivery time expired; last error: " + last), now, Optional.empty()));
                } else {
                    QueueRecipient p = r.with(RecipientState.PENDING, last);
                    out.add(p);
                    stillPending.add(p);
                }
            }
        }
        int delivered = (int) out.stream().filter(r -> r.state() == RecipientState.DELIVERED).count();
        int failedCount = (int) out.stream().filter(r -> r.state() == RecipientState.FAILED).count();
        QueueState next = QueueState.next(stillPending.size(), failedCount);
        QueueEntry.DelayWarning warned = e.delayWarned();
        List<RecipientReport> delayed = new ArrayList<>();
        boolean warnNow = next == QueueState.DEFERRED && warned == QueueEntry.DelayWarning.NOT_SENT
                && !s.delayWarning().isZero() && !now.isBefore(e.created().plus(s.delayWarning()));
        if (warnNow) {
            warned = QueueEntry.DelayWarning.SENT;
            for (QueueRecipient p : stillPending) {
                delayed.add(new RecipientReport(p.address(), p.originalRecipient(), Action.DELAYED,
                        replies.containsKey(p.index()) ? replies.get(p.index()).status() : "4.4.1", remoteMta,
                        Optional.of(p.lastReply()), now, Optional.of(expiry)));
            }
        }
        Duration delay = s.retryDelay(e.attempts() + 1);
        Instant nextAttempt = now.plus(delay);
        String lastError = stillPending.isEmpty() ? "" : stillPending.get(0).lastReply();
        List<RecipientReport> reports = new ArrayList<>();
        addWanted(e, failed, reports);
        addWanted(e, delayed, reports);
        addWanted(e, succeeded, reports);
        // RFC 5321 §6.1 / RFC 3461 §6.2: nothing is ever reported to the null sender
        List<RecipientReport> owed = e.isNullSender() ? List.of() : reports;
        AttemptResult.ReportTiming timing = owed.stream().anyMatch(r -> r.action() == Action.DELAYED)
                ? AttemptResult.ReportTiming.NOW : AttemptResult.ReportTiming.WHEN_MESSAGE_DONE;
        return new Decision(new AttemptResult(out, next, nextAttempt, lastError, warned,
                owed.stream().map(Bouncer::stored).toList(), timing), reports, delivered, failedCount,
                stillPending.size());
    }

    /**
     * Who reports success (RFC 3461): a next hop that offered DSN does; otherwise Yubin reports
     * "relayed", or "delivered" when it delivered to a local mailbox itself.
     */
    enum DsnAtNextHop { OFFERED, NOT_OFFERED, FINAL_DELIVERY }

    private static Optional<String> mta(Reply reply, Optional<String> remoteMta) {
        return reply.origin() == Reply.Origin.REMOTE ? remoteMta : Optional.empty();
    }

    private static RecipientReport report(QueueRecipient r, Action action, String status, Optional<String> mta,
                                          Reply reply, Instant now, Optional<Instant> until) {
        return new RecipientReport(r.address(), r.originalRecipient(), action, status, mta,
                Optional.of(reply.oneLine()), now, until);
    }

    /** Keeps the reports whose recipients asked for them (RFC 3461 §4.1 NOTIFY). */
    private static void addWanted(QueueEntry e, List<RecipientReport> candidates, List<RecipientReport> out) {
        for (RecipientReport rr : candidates) {
            QueueRecipient r = e.recipients().stream().filter(q -> q.address().equals(rr.finalRecipient())
                    && q.originalRecipient().equals(rr.originalRecipient())).findFirst().orElseThrow();
            if (rr.action().wantedBy(r.notifyOn())) {
                out.add(rr);
            }
        }
    }
}
