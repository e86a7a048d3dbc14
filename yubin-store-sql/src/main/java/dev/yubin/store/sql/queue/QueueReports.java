package dev.yubin.store.sql.queue;

import dev.yubin.store.BlobId;
import dev.yubin.store.queue.DueReports;
import dev.yubin.store.queue.NewQueueEntry;
import dev.yubin.store.queue.QueueReport;
import dev.yubin.store.queue.Ret;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The rows of {@code queue_reports} (migration V20): report parts kept with attempt outcomes
 * until the message they belong to is done, then sent as one DSN.
 */
final class QueueReports {
    private QueueReports() {
    }

    static void insert(Handle h, long entryId, String origin, String blob, List<QueueReport> reports) {
        var batch = h.prepareBatch("INSERT INTO queue_reports (origin_id, entry_id, blob, recipient, orcpt, kind,"
                + " status, remote_mta, diagnostic, last_attempt, retry_until) VALUES (:o, :e, :b, :r, :orcpt, :k, :s,"
                + " :mta, :diag, :at, :until)");
        for (QueueReport r : reports) {
            batch.bind("o", origin).bind("e", entryId).bind("b", blob).bind("r", r.recipient())
                    .bind("orcpt", r.originalRecipient().orElse(null)).bind("k", r.kind().name())
                    .bind("s", r.status()).bind("mta", r.remoteMta().orElse(null))
                    .bind("diag", r.diagnostic().orElse(null)).bind("at", r.lastAttempt().toEpochMilli())
                    .bind("until", r.retryUntil().map(Instant::toEpochMilli).orElse(null)).add();
        }
        batch.execute();
    }

    /** True when the message has parts that are not due yet. */
    static boolean waiting(QueueStatements hot, Handle h, String origin) {
        return hot.queryLong(h, "SELECT EXISTS (SELECT 1 FROM queue_reports WHERE origin_id = ? AND due = 0)",
                origin) != 0;
    }

    /** True when an entry of the message is not finished. */
    static boolean unfinished(Handle h, String origin) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM queue_entries WHERE origin_id = :o"
                + " AND state NOT IN ('DONE', 'BOUNCED'))").bind("o", origin).mapTo(Boolean.class).one();
    }

    static void markDue(Handle h, String origin) {
        h.createUpdate("UPDATE queue_reports SET due = 1 WHERE origin_id = :o AND due = 0").bind("o", origin).execute();
    }

    static List<DueReports> due(Handle h, int max) {
        List<String> origins = h.createQuery("SELECT origin_id FROM queue_reports WHERE due = 1 GROUP BY origin_id"
                + " ORDER BY min(id) LIMIT :max").bind("max", max).mapTo(String.class).list();
        List<DueReports> out = new ArrayList<>(origins.size());
        for (String origin : origins) {
            List<Row> rows = h.createQuery("SELECT r.id, r.blob, r.recipient, r.orcpt, r.kind, r.status, r.remote_mta,"
                            + " r.diagnostic, r.last_attempt, r.retry_until, e.sender, e.envid, e.ret, e.utf8, e.created"
                            + " FROM queue_reports r JOIN queue_entries e ON e.id = r.entry_id"
                            + " WHERE r.origin_id = :o AND r.due = 1 ORDER BY r.id")
                    .bind("o", origin).map((rs, ctx) -> row(rs)).list();
            if (rows.isEmpty()) {
                continue;
            }
            Row first = rows.get(0);
            out.add(new DueReports(origin, first.sender, first.envid, first.ret, first.utf8, new BlobId(first.blob),
                    first.created, rows.stream().map(Row::id).toList(), rows.stream().map(Row::report).toList()));
        }
        return out;
    }

    private record Row(long id, String blob, QueueReport report, String sender, Optional<String> envid,
                       Optional<Ret> ret, NewQueueEntry.Utf8 utf8, Instant created) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        long until = rs.getLong("retry_until");
        Optional<Instant> retryUntil = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(until));
        QueueReport r = new QueueReport(rs.getString("recipient"), Optional.ofNullable(rs.getString("orcpt")),
                QueueReport.Kind.valueOf(rs.getString("kind")), rs.getString("status"),
                Optional.ofNullable(rs.getString("remote_mta")), Optional.ofNullable(rs.getString("diagnostic")),
                Instant.ofEpochMilli(rs.getLong("last_attempt")), retryUntil);
        String ret = rs.getString("ret");
        return new Row(rs.getLong("id"), rs.getString("blob"), r, rs.getString("sender"),
                Optional.ofNullable(rs.getString("envid")), Optional.ofNullable(ret).map(Ret::valueOf),
                rs.getInt("utf8") == 1 ? NewQueueEntry.Utf8.NEEDED : NewQueueEntry.Utf8.NOT_NEEDED,
                Instant.ofEpochMilli(rs.getLong("created")));
    }

    /** Deletes the parts and returns the bodies they held. */
    static List<String> delete(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> blobs = h.createQuery("SELECT DISTINCT blob FROM queue_reports WHERE id IN (<ids>)")
                .bindList("ids", ids).mapTo(String.class).list();
        h.createUpdate("DELETE FROM queue_reports WHERE id IN (<ids>)").bindList("ids", ids).execute();
        return blobs;
    }
}
