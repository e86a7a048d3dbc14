package dev.yubin.store.queue;

import java.time.Instant;
import java.util.List;

/**
 * What one delivery attempt of a claimed entry decided, applied by {@link QueueStore#finishAttempt}
 * in one transaction.
 *
 * @param recipients every recipient with its new state and last reply (same indexes)
 * @param state the entry's new state, from {@link QueueState#next}; never ACTIVE, INCOMING or HELD
 * @param nextAttempt when a DEFERRED entry is due again
 * @param lastError a one-line reason, {@code ""} if none
 * @param delayWarned whether the delayed-delivery DSN has now been sent
 * @param reports report parts the sender is owed for this attempt, kept in the same transaction
 * @param timing when the message's collected parts go out
 */
public record AttemptResult(List<QueueRecipient> recipients, QueueState state, Instant nextAttempt,
                            String lastError, QueueEntry.DelayWarning delayWarned, List<QueueReport> reports,
                            ReportTiming timing) {

    /** When the message's collected report parts become due. */
    public enum ReportTiming {
        /** When no entry of the message is unfinished any more: one DSN for all its recipients. */
        WHEN_MESSAGE_DONE,
        /** Now, with whatever was collected (a delay warning must not wait for the last domain). */
        NOW
    }

    /** An outcome that owes no report. */
    public AttemptResult(List<QueueRecipient> recipients, QueueState state, Instant nextAttempt, String lastError,
                         QueueEntry.DelayWarning delayWarned) {
        this(recipients, state, nextAttempt, lastError, delayWarned, List.of(), ReportTiming.WHEN_MESSAGE_DONE);
    }

    public AttemptResult {
        recipients = List.copyOf(recipients);
        reports = List.copyOf(reports);
        if (state == QueueState.ACTIVE || state == QueueState.INCOMING || state == QueueState.HELD) {
            throw new IllegalArgumentException("an attempt cannot end in " + state);
        }
        lastError = lastError == null ? "" : lastError;
    }
}
