package dev.yubin.store.sql;

import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of this process: a thread that owns the write connection, drains the queue of
 * pending work and runs each batch in one transaction (group commit), so one fsync of the log
 * covers many deliveries. Each unit runs under its own savepoint: a unit that fails is rolled
 * back alone and its caller gets the exception; the others commit.
 *
 * <p>Invariant: a caller's {@link #write} returns only after the transaction holding its work is
 * committed (durably, with {@code synchronous=FULL}). Listeners and blob file deletions run after
 * the commit on a separate thread, never holding the writer.
 */
final class SqlWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqlWriter.class);
    private static final int MAX_BATCH = 256;
    /**
     * How long the writer must have had nothing to do before it does background work: under a
     * steady load the index waits for a quiet moment rather than delaying deliveries.
     */
    static final long IDLE_MILLIS = 50;

    /** Work to run in the write transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(WriteTx tx);
    }

    private record Task<T>(Work<T> work, CompletableFuture<T> result, boolean background) {
    }

    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Handle handle;
    private final HotStatements hot;
    private final SqlDialect dialect;
    private final Watchers watchers;
    private final BlobStore blobs;
    private final ExecutorService afterCommit;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean restartWanted;
    /** Called when the writer has been idle and background work is pending (the text indexer). */
    private volatile Runnable idleHook;
    /** The thread whose writes are background work (they do not make the writer busy). */
    private volatile Thread backgroundThread;
    /** When the last batch with work other than background work finished (System.nanoTime). */
    private volatile long lastForegroundNanos = System.nanoTime();
    private long batches;
    private long units;
    private long workNanos;
    private long commitNanos;
    private long cpuNanos;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    SqlWriter(Handle handle, SqlDialect dialect, Watchers watchers, BlobStore blobs) {
        this.handle = handle;
        this.hot = new HotStatements(handle.getConnection());
        this.dialect = dialect;
        this.watchers = watchers;
        this.blobs = blobs;
        this.afterCommit = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "yubin-store-notify");
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::loop, "yubin-store-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues {@code work} for the next group commit without waiting. Work is run in the order it was
     * queued, so a {@link #write} queued after it by the same thread commits in the same
     * transaction or a later one: when that write returns, this work is durable too.
     */
    <T> CompletableFuture<T> submit(Work<T> work) {
        if (closed) {
            throw new StoreException("store is closed");
        }
        Task<T> task = new Task<>(work, new CompletableFuture<>(), Thread.currentThread() == backgroundThread);
        queue.add(task);
        return task.result();
    }

    /** Runs {@code work} in the next group commit and waits for the commit. */
    <T> T write(Work<T> work) {
        if (closed) {
            throw new StoreException("store is closed");
        }
        if (Thread.currentThread() == thread) {
            // it would wait for its own batch to commit: a programming error, not a hang
            throw new IllegalStateException("store write called from inside a store write");
        }
        Task<T> task = new Task<>(work, new CompletableFuture<>(), Thread.currentThread() == backgroundThread);
        queue.add(task);
        try {
            return task.result().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new StoreException("write failed", cause);
        }
    }

    /** Asks for a RESTART checkpoint between the next two batches (see {@link SqliteCheckpointer}). */
    void restartLog() {
        restartWanted = true;
    }

    /**
     * Copies the last frames of the log and makes the next commit restart it. Waits at most a
     * moment for readers still on old frames; if they hold on, the next request tries again.
     */
    private void restartLogNow() {
        restartWanted = false;
        try (java.sql.Statement st = handle.getConnection().createStatement()) {
            long busyTimeout;
            try (java.sql.ResultSet rs = st.executeQuery("PRAGMA busy_timeout")) {
                busyTimeout = rs.next() ? rs.getLong(1) : 0;
            }
            st.execute("PRAGMA busy_timeout = 100");
            try (java.sql.ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(RESTART)")) {
                if (rs.next() && rs.getInt(1) != 0) {
                    LOG.debug("event=store.log_restart_busy log_pages={}", rs.getInt(2));
                }
            } finally {
                st.execute("PRAGMA busy_timeout = " + busyTimeout);
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            LOG.warn("event=store.log_restart_failed", e);
        }
    }

    /** Sets the background worker: {@code hook} runs when the writer is idle and work is pending. */
    void onIdle(Runnable hook, Thread background) {
        this.backgroundThread = background;
        this.idleHook = hook;
    }

    /** True if no foreground write arrived for {@code millis} and none is queued. */
    boolean quietFor(long millis) {
        return queue.isEmpty() && System.nanoTime() - lastForegroundNanos >= millis * 1_000_000;
    }

    private void loop() {
        List<Task<?>> batch = new ArrayList<>(MAX_BATCH);
        boolean moreIdleWork = true;
        while (true) {
            try {
                Task<?> first = queue.poll(moreIdleWork ? IDLE_MILLIS : 200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closed) {
                        return;
                    }
                    moreIdleWork = runIdleWork();
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                runBatch(batch);
                moreIdleWork = true; // new texts to index, once the writer is idle
                if (restartWanted) {
                    restartLogNow();
                }
            } catch (InterruptedException e) {
                if (closed && queue.isEmpty()) {
                    return;
                }
            } catch (RuntimeException | Error e) {
                LOG.error("event=store.writer_error", e);
                rollbackQuietly(); // never leave a transaction open for the next batch
                for (Task<?> t : batch) {
                    t.result().completeExceptionally(new StoreException("write failed", e));
                }
            } finally {
                batch.clear();
            }
        }
    }

    /** Wakes the background worker if it has work; it writes through the queue like anyone. */
    private boolean runIdleWork() {
        Runnable hook = idleHook;
        try {
            if (hook != null && dialect.hasPending(handle)) {
                hook.run();
            }
        } catch (RuntimeException e) {
            LOG.warn("event=store.idle_work_failed", e);
        }
        return false; // its write ends the idle time; the next idle time asks again
    }

    private void runBatch(List<Task<?>> batch) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        try {
            runBatchUnits(batch);
        } finally {
            cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu0;
            for (Task<?> t : batch) {
                if (!t.background()) {
                    lastForegroundNanos = System.nanoTime();
                    break;
                }
            }
        }
    }

    private void runBatchUnits(List<Task<?>> batch) {
        Object[] results = new Object[batch.size()];
        Throwable[] errors = new Throwable[batch.size()];
        List<WriteTx> done = new ArrayList<>(batch.size());
        try {
            hot.update(dialect.beginWrite());
        } catch (RuntimeException e) {
            rollbackQuietly(); // in case a failed batch left its transaction open
            failAll(batch, e);
            return;
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
            WriteTx tx = new WriteTx(handle, hot, dialect);
            hot.update("SAVEPOINT unit");
            try {
                results[i] = batch.get(i).work().run(tx);
                hot.update("RELEASE unit");
                done.add(tx);
            } catch (Throwable e) {
                errors[i] = e;
                try {
                    hot.update("ROLLBACK TO unit");
                    hot.update("RELEASE unit");
                } catch (RuntimeException rollback) {
                    rollbackQuietly();
                    failAll(batch, rollback);
                    return;
                }
            }
        }
        long t1 = System.nanoTime();
        try {
            hot.update("COMMIT");
        } catch (RuntimeException e) {
            rollbackQuietly();
            failAll(batch, e);
            return;
        }
        complete(batch, results, errors);
        batches++;
        units += batch.size();
        workNanos += t1 - t0;
        commitNanos += System.nanoTime() - t1;
        Set<Long> touched = new HashSet<>();
        List<BlobId> released = new ArrayList<>();
        for (WriteTx tx : done) {
            touched.addAll(tx.touched);
            released.addAll(tx.released);
        }
        if (!released.isEmpty() || (!touched.isEmpty() && !watchers.isEmpty())) {
            afterCommit.execute(() -> {
                watchers.fire(touched);
                deleteFiles(released);
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static void complete(List<Task<?>> batch, Object[] results, Throwable[] errors) {
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<Object> f = (CompletableFuture<Object>) batch.get(i).result();
            if (errors[i] != null) {
                f.completeExceptionally(errors[i]);
            } else {
                f.complete(results[i]);
            }
        }
    }

    private void deleteFiles(List<BlobId> released) {
        for (BlobId id : released) {
            try {
                blobs.delete(id);
            } catch (IOException e) {
                LOG.warn("event=store.blob_delete_failed blob={}", id, e); // the orphan sweep retries
            }
        }
    }

    private void rollbackQuietly() {
        try {
            hot.update("ROLLBACK");
        } catch (RuntimeException e) {
            LOG.debug("event=store.rollback_failed", e);
        }
    }

    private static void failAll(List<Task<?>> batch, Throwable cause) {
        LOG.error("event=store.commit_failed units={}", batch.size(), cause);
        StoreException e = new StoreException("database write failed: " + cause.getMessage(), cause);
        for (Task<?> t : batch) {
            t.result().completeExceptionally(e);
        }
    }

    /** Figures for benchmarks: batches, units, time in units and in commits (read racily). */
    String stats() {
        return String.format("batches=%d units=%d avg_batch=%.1f work_ms=%d commit_ms=%d cpu_us_per_unit=%.0f",
                batches, units, batches == 0 ? 0.0 : (double) units / batches, workNanos / 1_000_000,
                commitNanos / 1_000_000, units == 0 ? 0.0 : cpuNanos / 1000.0 / units);
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Task<?> t; (t = queue.poll()) != null; ) {
            t.result().completeExceptionally(new StoreException("store is closed"));
        }
        afterCommit.shutdown();
        try {
            afterCommit.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hot.close();
        handle.close();
    }
}
