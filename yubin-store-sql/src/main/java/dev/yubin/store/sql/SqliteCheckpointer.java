package dev.yubin.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL back into the database file on its own thread and connection, so the writer's
 * commits never stall for a checkpoint (SQLite would otherwise run one inside the commit that
 * crosses 1,000 pages of log). PASSIVE mode: it never blocks the writer or readers; the log is
 * reused from its start once a checkpoint has caught up.
 *
 * <p>Under a steady write load a passive checkpoint never quite catches up (new frames arrive while
 * it copies), so SQLite never restarts the log: it grows without bound, and every frame lands on a
 * new file page the kernel must allocate and zero. Once the log passes {@link #RESTART_PAGES} this
 * asks the writer for a RESTART checkpoint between two batches ({@link SqlWriter#restartLog}):
 * it copies only the frames since this thread's last pass, and the next commit writes from the
 * start of the log again, over pages already in the cache.
 */
final class SqliteCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteCheckpointer.class);
    private static final long PERIOD_MILLIS = 500;
    /** Log size (pages) from which the writer is asked to restart the log: 64 MiB of 4 KiB pages. */
    static final int RESTART_PAGES = 16 * 1024;

    private final Connection connection;
    private final ScheduledExecutorService timer;
    private volatile Runnable largeLog = () -> { };

    SqliteCheckpointer(DataSource source) throws SQLException {
        this.connection = source.getConnection();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "yubin-store-checkpoint");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::checkpoint, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Called (on the checkpoint thread) after a pass that left the log over {@link #RESTART_PAGES}. */
    void onLargeLog(Runnable action) {
        this.largeLog = action;
    }

    /** Turns off the automatic checkpoint on the writer's connection (this class does it instead). */
    static void disableAutomatic(Connection writer) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint = 0");
            s.execute("PRAGMA journal_size_limit = " + (64L << 20)); // truncate a grown log when reused
        }
    }

    private void checkpoint() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            if (rs.next() && rs.getInt(2) > RESTART_PAGES) {
                LOG.debug("event=store.checkpoint log_pages={} copied={}", rs.getInt(2), rs.getInt(3));
                largeLog.run();
            }
        } catch (SQLException e) {
            LOG.warn("event=store.checkpoint_failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpoint();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("event=store.checkpoint_close_failed", e);
        }
    }
}
