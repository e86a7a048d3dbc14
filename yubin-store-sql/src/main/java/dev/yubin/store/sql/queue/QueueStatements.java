package dev.yubin.store.sql.queue;

import dev.yubin.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Plain JDBC with statements prepared once, for the queue statements the writer runs for every
 * message (enqueue, outcome): a Jdbi statement costs several times a reused prepared one, and
 * the store's writer is one thread, so on the outbound path that is throughput. Used only inside
 * {@code SqlAccess.write} (the writer's one connection); a connection change (store reopened)
 * drops the old statements. Everything else stays on Jdbi.
 */
final class QueueStatements {
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private Connection connection;

    /** The statement for {@code sql} on the handle's connection, with {@code args} bound from 1. */
    synchronized PreparedStatement on(Handle h, String sql, Object... args) {
        try {
            Connection c = h.getConnection();
            if (c != connection) {
                prepared.clear(); // the old connection closed them
                connection = c;
            }
            PreparedStatement ps = prepared.get(sql);
            if (ps == null) {
                ps = c.prepareStatement(sql);
                prepared.put(sql, ps);
            }
            ps.clearParameters();
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        } catch (SQLException e) {
            throw new StoreException("queue statement failed: " + e.getMessage(), e);
        }
    }

    int update(Handle h, String sql, Object... args) {
        try {
            return on(h, sql, args).executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("queue statement failed: " + e.getMessage(), e);
        }
    }

    /** The first column of the first row as a long (0 when there is no row). */
    long queryLong(Handle h, String sql, Object... args) {
        try (ResultSet rs = on(h, sql, args).executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("queue statement failed: " + e.getMessage(), e);
        }
    }

    /** The first row's string columns, or null when there is no row. */
    String[] queryStrings(Handle h, String sql, Object... args) {
        try (ResultSet rs = on(h, sql, args).executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            int n = rs.getMetaData().getColumnCount();
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = rs.getString(i + 1);
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("queue statement failed: " + e.getMessage(), e);
        }
    }
}
