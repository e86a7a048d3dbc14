package dev.yubin.store.sql.queue;

import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.queue.AttemptResult;
import dev.yubin.store.queue.DueReports;
import dev.yubin.store.queue.NewQueueEntry;
import dev.yubin.store.queue.QueueEntry;
import dev.yubin.store.queue.QueueState;
import dev.yubin.store.queue.QueueStore;
import dev.yubin.store.sql.SqlAccess;
import dev.yubin.store.sql.SqliteStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link QueueStore} in the embedded store's SQLite database ({@code queue_entries},
 * {@code queue_recipients}, migration V10), written through the store's one writer so queue
 * changes share its group commits.
 *
 * <p>Blob references: a trigger keeps the {@code blobs} row of a body alive while an unfinished
 * entry sends it (mailbox expunges may release it meanwhile); a body that never had a row (mail
 * only for outside recipients) is kept because {@link SqliteStore#isBlobReferenced} also looks
 * at the queue. When the last holder finishes, the row and, after the commit, the file go.
 */
public final class SqliteQueueStore implements QueueStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteQueueStore.class);

    private final SqlAccess sql;
    private final BlobStore blobs;
    private final Clock clock;
    private final QueueStatements hot = new QueueStatements();

    public SqliteQueueStore(SqliteStore store, Clock clock) {
        this.sql = store.sql();
        this.blobs = store.blobs();
        this.clock = clock;
    }

    @Override
    public long enqueue(NewQueueEntry entry) {
        return sql.write(h -> QueueRows.insert(hot, h, entry, clock.millis()));
    }

    @Override
    public List<QueueEntry> enqueueClaimed(List<NewQueueEntry> entries, Instant now, Duration lease) {
        long t = now.toEpochMilli();
        long until = t + lease.toMillis();
        return sql.write(h -> {
            List<QueueEntry> out = new java.util.ArrayList<>(entries.size());
            for (NewQueueEntry e : entries) {
                long id = QueueRows.insert(hot, h, e, t, QueueState.ACTIVE, until);
                out.add(QueueRows.inserted(id, e, QueueState.ACTIVE, t, until));
            }
            return out;
        });
    }

    @Override
    public int renewLeases(java.util.Collection<Long> ids, Instant now, Instant until) {
        if (ids.isEmpty()) {
            return 0;
        }
        long t = until.toEpochMilli();
        long n = now.toEpochMilli();
        List<Long> list = List.copyOf(ids);
        return sql.write(h -> h.createUpdate("UPDATE queue_entries SET lease_until = max(lease_until, :t)"
                + " WHERE id IN (<ids>) AND state = 'ACTIVE' AND lease_until > :n")
                .bind("t", t).bind("n", n).bindList("ids", list).execute());
    }

    @Override
    public List<QueueEntry> claimDue(Instant now, Duration lease, int max) {
        long t = now.toEpochMilli();
        return sql.write(h -> {
            List<Long> ids = h.createQuery("SELECT id FROM queue_entries WHERE (state IN ('INCOMING', 'DEFERRED')"
                            + " AND next_attempt <= :now) OR (state = 'ACTIVE' AND lease_until <= :now)"
                            + " ORDER BY next_attempt, id LIMIT :max")
                    .bind("now", t).bind("max", max).mapTo(Long.class).list();
            if (ids.isEmpty()) {
                return List.of();
            }
            h.createUpdate("UPDATE queue_entries SET state = 'ACTIVE', lease_until = :lease WHERE id IN (<ids>)")
                    .bind("lease", t + lease.toMillis()).bindList("ids", ids).execute();
            return QueueRows.load(h, ids);
        });
    }

    @Override
    public boolean finishAttempt(long id, AttemptResult result) {
        return finishAttempts(List.of(new FinishedAttempt(id, result))).applied().get(0);
    }

    @Override
    public Finished finishAttempts(List<FinishedAttempt> attempts) {
        long now = clock.millis();
        List<BlobId> files = new java.util.ArrayList<>();
        boolean[] due = new boolean[1];
        List<Boolean> applied = sql.write(h -> {
            due[0] = false;
            files.clear();
            List<Boolean> out = new java.util.ArrayList<>(attempts.size());
            for (FinishedAttempt a : attempts) {
                out.add(apply(h, a.id(), a.result(), now, files, due));
            }
            return out;
        });
        files.forEach(this::deleteFile);
        return new Finished(applied, due[0]);
    }

    private boolean apply(Handle h, long id, AttemptResult result, long now, List<BlobId> files, boolean[] due) {
        String[] row = hot.queryStrings(h, "SELECT blob, origin_id FROM queue_entries WHERE id = ? AND state = 'ACTIVE'",
                id);
        if (row == null) {
            return false;
        }
        String blob = row[0];
        String origin = row[1];
        QueueRows.updateRecipients(hot, h, id, result.recipients());
        hot.update(h, "UPDATE queue_entries SET state = ?, next_attempt = ?, lease_until = 0, attempts = attempts + 1,"
                        + " last_error = ?, delay_warned = ?, finished = ? WHERE id = ?", result.state().name(),
                result.nextAttempt().toEpochMilli(), result.lastError(),
                result.delayWarned() == QueueEntry.DelayWarning.SENT ? 1 : 0, result.state().isFinished() ? now : 0, id);
        if (!result.reports().isEmpty()) {
            QueueReports.insert(h, id, origin, blob, result.reports());
        }
        // RFC 3464 §2: one report per message, with a section for each recipient, whatever its domain
        boolean reportNow = result.timing() == AttemptResult.ReportTiming.NOW && !result.reports().isEmpty();
        if ((reportNow || result.state().isFinished()) && QueueReports.waiting(hot, h, origin)
                && (reportNow || !QueueReports.unfinished(h, origin))) {
            QueueReports.markDue(h, origin);
            due[0] = true;
        }
        if (result.state().isFinished()) {
            QueueRows.releaseBlob(hot, sql, h, blob).ifPresent(files::add);
        }
        return true;
    }

    @Override
    public List<DueReports> dueReports(int max) {
        return sql.snapshot(h -> QueueReports.due(h, max));
    }

    @Override
    public void reportsSent(List<Long> ids) {
        List<BlobId> files = new java.util.ArrayList<>();
        sql.write(h -> {
            files.clear();
            for (String blob : QueueReports.delete(h, ids)) {
                QueueRows.releaseBlob(hot, sql, h, blob).ifPresent(files::add);
            }
            return null;
        });
        files.forEach(this::deleteFile);
    }

    @Override
    public int requeueActive() {
        long now = clock.millis();
        return sql.write(h -> h.createUpdate("UPDATE queue_entries SET state = 'DEFERRED', lease_until = 0,"
                + " next_attempt = :now WHERE state = 'ACTIVE'").bind("now", now).execute());
    }

    @Override
    public Optional<Instant> nextDue() {
        return sql.read(h -> h.createQuery("SELECT min(next_attempt) FROM queue_entries"
                        + " WHERE state IN ('INCOMING', 'DEFERRED')").mapTo(Long.class).findOne())
                .map(Instant::ofEpochMilli);
    }

    @Override
    public boolean hold(long id) {
        return update("UPDATE queue_entries SET state = 'HELD', lease_until = 0 WHERE id = :id"
                + " AND state NOT IN ('DONE', 'BOUNCED', 'HELD')", id);
    }

    @Override
    public boolean release(long id) {
        return update("UPDATE queue_entries SET state = 'DEFERRED', next_attempt = :now WHERE id = :id"
                + " AND state = 'HELD'", id);
    }

    @Override
    public boolean retry(long id) {
        return update("UPDATE queue_entries SET next_attempt = :now WHERE id = :id"
                + " AND state IN ('INCOMING', 'DEFERRED')", id);
    }

    private boolean update(String statement, long id) {
        long now = clock.millis();
        return sql.write(h -> h.createUpdate(statement).bind("id", id).bind("now", now).execute()) > 0;
    }

    @Override
    public boolean delete(long id) {
        Optional<Optional<BlobId>> outcome = sql.write(h -> {
            Optional<String[]> row = h.createQuery("DELETE FROM queue_entries WHERE id = :id RETURNING blob, origin_id")
                    .bind("id", id).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne();
            // the other entries of its message may have been waiting for this one to report together
            row.filter(r -> QueueReports.waiting(hot, h, r[1]) && !QueueReports.unfinished(h, r[1]))
                    .ifPresent(r -> QueueReports.markDue(h, r[1]));
            return row.map(r -> QueueRows.releaseBlob(hot, sql, h, r[0]));
        });
        outcome.flatMap(b -> b).ifPresent(this::deleteFile);
        return outcome.isPresent();
    }

    @Override
    public Optional<QueueEntry> entry(long id) {
        return sql.snapshot(h -> QueueRows.load(h, List.of(id))).stream().findFirst();
    }

    @Override
    public List<QueueEntry> list(int limit) {
        return sql.snapshot(h -> QueueRows.load(h, h.createQuery("SELECT id FROM queue_entries"
                        + " WHERE state NOT IN ('DONE', 'BOUNCED') ORDER BY created, id LIMIT :max")
                .bind("max", limit).mapTo(Long.class).list()));
    }

    @Override
    public Map<QueueState, Long> counts() {
        Map<QueueState, Long> counts = new EnumMap<>(QueueState.class);
        sql.read(h -> h.createQuery("SELECT state, count(*) AS n FROM queue_entries GROUP BY state")
                .map((rs, ctx) -> counts.put(QueueState.valueOf(rs.getString("state")), rs.getLong("n"))).list());
        return counts;
    }

    @Override
    public int purgeFinished(Instant before) {
        return sql.write(h -> h.createUpdate("DELETE FROM queue_entries WHERE state IN ('DONE', 'BOUNCED')"
                + " AND finished < :t AND NOT EXISTS (SELECT 1 FROM queue_reports r WHERE r.entry_id = queue_entries.id)").bind("t", before.toEpochMilli()).execute());
    }

    private void deleteFile(BlobId blob) {
        try {
            blobs.delete(blob);
        } catch (IOException e) {
            LOG.warn("event=queue.blob_delete_failed blob={}", blob, e); // the orphan sweep retries
        }
    }
}
