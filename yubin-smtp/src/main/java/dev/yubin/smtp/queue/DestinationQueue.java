package dev.yubin.smtp.queue;

import dev.yubin.store.queue.QueueEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The claimed entries waiting for one destination, and how many delivery agents serve it (at
 * most {@link OutboundSettings#maxConnectionsPerDomain()}, one connection each). An agent whose
 * work ran out keeps its connection open for a while ({@link OutboundSettings#connectionIdle()},
 * Postfix's connection cache) and takes the next entry that arrives, so a steady trickle of mail
 * to a domain reuses one connection instead of opening one per message; another connection is
 * opened only when more than {@link #BACKLOG_PER_AGENT} entries wait per busy one. Also the destination's
 * rate limit: the earliest time the next message may start.
 */
final class DestinationQueue {
    /** Entries waiting per busy agent before another connection is opened for the destination. */
    static final int BACKLOG_PER_AGENT = 4;

    private final Destination destination;
    private final int maxAgents;
    private final long intervalNanos;
    private final Deque<QueueEntry> entries = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private int agents;
    private int idle;
    private boolean releaseIdle;
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
    boolean offer(QueueEntry e) {
        lock.lock();
        try {
            entries.addLast(e);
            releaseIdle = false;
            if (idle > 0) {
                arrived.signal();
            }
            int busy = agents - idle;
            // one more connection only when the waiting mail outgrows the open ones (not one per message of a burst)
            if (agents < maxAgents && entries.size() > idle && entries.size() > BACKLOG_PER_AGENT * busy) {
                agents++;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next entry, waiting up to {@code idleNanos} for one to arrive (0: no wait), or null, in
     * which case the calling agent has ended (it is no longer counted). Waiting stops early when
     * {@link #releaseIdle} asks idle agents to give their connection slot up.
     */
    QueueEntry poll(long idleNanos) throws InterruptedException {
        lock.lock();
        try {
            long left = idleNanos;
            while (entries.isEmpty() && left > 0 && !releaseIdle) {
                idle++;
                try {
                    left = arrived.awaitNanos(left);
                } finally {
                    idle--;
                }
            }
            QueueEntry e = entries.pollFirst();
            if (e == null) {
                agents--;
            }
            return e;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the waits of idle agents (another destination needs a connection slot). */
    void releaseIdle() {
        lock.lock();
        try {
            if (idle > 0) {
                releaseIdle = true;
                arrived.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes every waiting entry (the destination is failing: they share the outcome). */
    List<QueueEntry> drain() {
        lock.lock();
        try {
            List<QueueEntry> all = new ArrayList<>(entries);
            entries.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for this destination's rate limit to allow the next message. */
    void awaitSlot() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        lock.lock();
        try {
            slot = Math.max(System.nanoTime(), nextSlot);
            nextSlot = slot + intervalNanos;
        } finally {
            lock.unlock();
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
