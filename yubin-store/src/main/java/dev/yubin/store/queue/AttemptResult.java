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
 */
public record AttemptResult(List<QueueRecipient> recipients, QueueState state, Instant nextAttempt,
                            String lastError, QueueEntry.DelayWarning delayWarned) {
    public AttemptResult {
        recipients = List.copyOf(recipients);
        if (state == QueueState.ACTIVE || state == QueueState.INCOMING || state == QueueState.HELD) {
            throw new IllegalArgumentException("an attempt cannot end in " + state);
        }
        lastError = lastError == null ? "" : lastError;
    }
}
