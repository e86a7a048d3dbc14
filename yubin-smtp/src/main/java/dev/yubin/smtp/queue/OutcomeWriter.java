package dev.yubin.smtp.queue;

import dev.yubin.store.queue.QueueEntry;
import dev.yubin.store.queue.QueueStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the outcomes of attempts (with the report parts they owe), many in one transaction
 * ({@link QueueStore#finishAttempts}), on its own thread: a delivery agent hands the outcome over
 * and sends its connection's next message at once instead of waiting for a commit per message.
 *
 * <p>Nothing is lost by not waiting: the remote server already took the message (or the entry is
 * simply tried again); until the commit the entry stays ACTIVE and held in memory, its lease
 * renewed, so a crash in between only repeats a delivery, as a crash between the remote 250 and
 * any commit would. Report parts are committed with the outcome that owes them; when they become
 * due, the scheduler sends the message's DSN.
 */
final class OutcomeWriter {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeWriter.class);
    private static final int MAX_BATCH = 512;

    /** One attempt's decided outcome waiting for its commit. */
    record Pending(QueueEntry entry, Attempts.Decision decision) {
    }

    /** Called after the commit (or its failure) for each outcome. */
    @FunctionalInterface
    interface Committed {
        void committed(Pending p, boolean applied);
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final QueueStore store;
    private final Committed committed;
    private final Runnable reportsDue;
    private final Thread thread;
    private volatile boolean open = true;

    OutcomeWriter(QueueStore store, Committed committed, Runnable reportsDue) {
        this.store = store;
        this.committed = committed;
        this.reportsDue = reportsDue;
        this.thread = Thread.ofPlatform().name("yubin-queue-outcomes").daemon().unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    void submit(Pending p) {
        queue.add(p);
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<Boolean> applied;
        try {
            QueueStore.Finished f = store.finishAttempts(batch.stream()
                    .map(p -> new QueueStore.FinishedAttempt(p.entry().id(), p.decision().result())).toList());
            applied = f.applied();
            if (f.reportsDue()) {
                reportsDue.run();
            }
        } catch (RuntimeException e) {
            // the entries stay ACTIVE: their lease expires (or the next start requeues them) and they are tried again
            LOG.error("event=queue.finish_failed entries={}", batch.size(), e);
            applied = Collections.nCopies(batch.size(), false);
        }
        for (int i = 0; i < batch.size(); i++) {
            committed.committed(batch.get(i), applied.get(i));
        }
    }

    /** Commits what is waiting, then stops (bounded). */
    void close() {
        open = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
