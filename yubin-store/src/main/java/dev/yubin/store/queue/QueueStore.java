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
     * Durably adds entries (one message for several destinations) in one transaction, already
     * claimed by the caller: ACTIVE with a lease until {@code now + lease}, as {@link #claimDue}
     * would hand them out. Lets a scheduler deliver new mail at once, without a claim round trip;
     * a claimer that crashes loses them when the lease expires, as with claimed entries.
     */
    List<QueueEntry> enqueueClaimed(List<NewQueueEntry> entries, Instant now, Duration lease);

    /**
     * Extends to {@code until} the leases of the caller's entries that are still ACTIVE and whose
     * lease has not run out at {@code now} (an expired lease may already belong to another
     * claimer, so it is never revived). A scheduler whose attempts may outlast a lease renews its
     * entries well before they expire, so no other claimer takes them meanwhile. Returns how many
     * were renewed.
     */
    int renewLeases(java.util.Collection<Long> ids, Instant now, Instant until);

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

    /**
     * Applies several attempts' outcomes in one transaction (one commit for many deliveries), as
     * {@link #finishAttempt} does for each, keeping their {@link AttemptResult#reports()}. A
     * message's report parts become due when it has no unfinished entry left (or at once for
     * {@link AttemptResult.ReportTiming#NOW}); the answer says whether any became due.
     */
    Finished finishAttempts(List<FinishedAttempt> attempts);

    /** One attempt's outcome for {@link #finishAttempts}. */
    record FinishedAttempt(long id, AttemptResult result) {
    }

    /**
     * @param applied in order, whether each outcome was applied (false: the entry was no longer ACTIVE)
     * @param reportsDue whether report parts became due ({@link #dueReports} has work)
     */
    record Finished(List<Boolean> applied, boolean reportsDue) {
        public Finished {
            applied = List.copyOf(applied);
        }
    }

    /** Messages whose collected report parts are due, at most {@code max}, oldest first. */
    List<DueReports> dueReports(int max);

    /** Forgets report parts once their DSN is durable; releases the body when nothing else holds it. */
    void reportsSent(List<Long> ids);

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

    /**
     * Removes finished (DONE/BOUNCED) entries that finished before {@code before}, except those
     * whose report parts are not sent yet. Returns the count.
     */
    int purgeFinished(Instant before);
}
