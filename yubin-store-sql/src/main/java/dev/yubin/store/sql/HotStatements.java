package dev.yubin.store.sql;

import dev.yubin.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Plain JDBC with statements prepared once, for the few statements the writer runs for every
 * delivery (and for its transaction control). Measured here, a Jdbi statement costs two to three
 * times a reused prepared one, and the writer is one thread: on the delivery path that is the
 * difference. Everything else stays on Jdbi. Writer thread only; a fixed set of SQL strings.
 */
final class HotStatements implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    HotStatements(Connection connection) {
        this.connection = connection;
    }

    private PreparedStatement statement(String sql, Object... args) throws SQLException {
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            prepared.put(sql, ps);
        }
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    /** Runs a statement without result rows; returns the count of changed rows. */
    int update(String sql, Object... args) {
        try {
            return statement(sql, args).executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("database write failed: " + e.getMessage(), e);
        }
    }

    /** The first column of the first row as a long, if there is a row. */
    OptionalLong queryLong(String sql, Object... args) {
        try (ResultSet rs = statement(sql, args).executeQuery()) {
            return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
        } catch (SQLException e) {
            throw new StoreException("database query failed: " + e.getMessage(), e);
        }
    }

    /** The first {@code columns} columns of the first row as longs; null if there is no row. */
    long[] row(String sql, int columns, Object... args) {
        try (ResultSet rs = statement(sql, args).executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            long[] out = new long[columns];
            for (int i = 0; i < columns; i++) {
                out[i] = rs.getLong(i + 1);
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("database query failed: " + e.getMessage(), e);
        }
    }

    /** Like {@link #row} for a statement that always gives a row (an INSERT or UPDATE ... RETURNING). */
    long[] queryLongs(String sql, int columns, Object... args) {
        long[] r = row(sql, columns, args);
        if (r == null) {
            throw new StoreException("no row from: " + sql);
        }
        return r;
    }

    @Override
    public void close() {
        for (PreparedStatement ps : prepared.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                // the connection is closing anyway
            }
        }
        prepared.clear();
    }
}
