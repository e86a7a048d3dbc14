package dev.yubin.store.queue;

/**
 * The life of an outbound queue entry (after Postfix's queues). Only the scheduler moves entries
 * between states, and it does so through {@link #next}; the operator commands (hold, release,
 * retry, delete) are the other transitions, applied by the {@link QueueStore}.
 *
 * <pre>
 * INCOMING ─claim→ ACTIVE ─attempt→ DONE | BOUNCED | DEFERRED ─claim (when due)→ ACTIVE …
 * any unfinished ─hold→ HELD ─release→ DEFERRED (due now)
 * ACTIVE whose lease expired (crash) ─claim→ ACTIVE again
 * </pre>
 */
public enum QueueState {
    /** Just enqueued, never tried. */
    INCOMING,
    /** Claimed by a delivery agent (with a lease). */
    ACTIVE,
    /** Waiting for its next attempt. */
    DEFERRED,
    /** Kept out of delivery by the operator. */
    HELD,
    /** Every recipient delivered (or failed and was reported): finished. */
    DONE,
    /** Finished with at least one recipient that failed permanently or expired. */
    BOUNCED;

    /** True for DONE and BOUNCED: the entry no longer holds its blob. */
    public boolean isFinished() {
        return this == DONE || this == BOUNCED;
    }

    /**
     * The state after an attempt, from the recipients' states: any still pending → DEFERRED;
     * otherwise BOUNCED if any failed, else DONE.
     */
    public static QueueState next(int pending, int failed) {
        if (pending > 0) {
            return DEFERRED;
        }
        return failed > 0 ? BOUNCED : DONE;
    }
}
