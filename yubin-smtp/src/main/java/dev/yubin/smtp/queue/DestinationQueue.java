package dev.yubin.smtp.queue;

import dev.yubin.store.queue.QueueEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The claimed entries waiting for one destination, and how many delivery agents serve it (at
 * most {@link OutboundSettings#maxConnectionsPerDomain()}, one connection each). Also the
 * destination's rate limit: the earliest time the next message may start.
 */
final class DestinationQueue {
    private final Destination destination;
    private final int maxAgents;
    private final long intervalNanos;
    private final Deque<QueueEntry> entries = new ArrayDeque<>();
    private int agents;
    private long nextSlot = System.nanoTime();

    DestinationQueue(Destination destination, int maxAgents, long intervalNanos) {
        this.destination = destination;
        this.maxAgents = maxAgents;
        this.intervalNanos = intervalNanos;
    }

    Destination destination() {
        return destination;
    }

    /** Adds an entry; true when the caller must start one more agent for this destination. */
    synchronized boolean offer(QueueEntry e) {
        entries.addLast(e);
        if (agents < maxAgents && agents < entries.size()) {
            agents++;
            return true;
        }
        return false;
    }

    /** The next entry, or null, in which case the calling agent has ended (it is no longer counted). */
    synchronized QueueEntry poll() {
        QueueEntry e = entries.pollFirst();
        if (e == null) {
            agents--;
        }
        return e;
    }

    /** Takes every waiting entry (the destination is failing: they share the outcome). */
    synchronized List<QueueEntry> drain() {
        List<QueueEntry> all = new ArrayList<>(entries);
        entries.clear();
        return all;
    }

    /** Waits for this destination's rate limit to allow the next message. */
    void awaitSlot() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            slot = Math.max(System.nanoTime(), nextSlot);
            nextSlot = slot + intervalNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
