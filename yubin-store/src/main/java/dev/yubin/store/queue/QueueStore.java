package dev.yubin.store.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable outbound queue (issue 5). Entries go INCOMING → ACTIVE → DONE / BOUNCED /
 * DEFERRED (see {@link QueueState}); each recipient keeps its own state and last reply.
 *
 * <p>Invariants every implementation keeps (the contract suite checks them): a method that
 * returns has committed durably; an entry is handed out by {@link #claimDue} to one claimer at a
 * time, until its lease ends (a claimer that crashed loses its entries when the lease expires, or
 * at once with {@link #requeueActive}); an unfinished entry keeps its blob from being deleted;
 * when the entry finishes or is deleted, its hold on the blob is released (the body is removed
 * when nothing else uses it).
 */
public interface QueueStore {

    /** Durably adds an entry in state INCOMING, due at once. Returns its id. */
    long enqueue(NewQueueEntry entry);

    /**
     * Claims up to {@code max} entries that are due at {@code now} (INCOMING or DEFERRED with
     * {@code nextAttempt <= now}, or ACTIVE with an expired lease), oldest due first: they become
     * ACTIVE with a lease until {@code now + lease}.
     */
    List<QueueEntry> claimDue(Instant now, Duration lease, int max);

    /**
     * Applies an attempt's outcome to a claimed (ACTIVE) entry. Returns false (and changes
     * nothing) if the entry is no longer ACTIVE, e.g. deleted or held meanwhile.
     */
    boolean finishAttempt(long id, AttemptResult result);

    /** Turns every ACTIVE entry back to DEFERRED, due at once: for a single node at start-up. Returns the count. */
    int requeueActive();

    /** The earliest {@code nextAttempt} of INCOMING/DEFERRED entries, if any (for the scheduler's sleep). */
    Optional<Instant> nextDue();

    /** Operator: keeps an unfinished entry from delivery. Returns false if none such. */
    boolean hold(long id);

    /** Operator: a HELD entry becomes DEFERRED, due at once. Returns false if it was not held. */
    boolean release(long id);

    /** Operator: a DEFERRED or INCOMING entry becomes due at once. Returns false otherwise. */
    boolean retry(long id);

    /** Operator: removes the entry whatever its state (no bounce). Returns false if unknown. */
    boolean delete(long id);

    Optional<QueueEntry> entry(long id);

    /** Unfinished entries, oldest first (at most {@code limit}). */
    List<QueueEntry> list(int limit);

    /** Number of entries in each state (states without entries are absent). */
    Map<QueueState, Long> counts();

    /** Removes finished (DONE/BOUNCED) entries that finished before {@code before}. Returns the count. */
    int purgeFinished(Instant before);
}
