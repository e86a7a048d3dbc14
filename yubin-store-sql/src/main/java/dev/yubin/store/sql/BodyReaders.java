package dev.yubin.store.sql;

import dev.yubin.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import javax.sql.DataSource;

/**
 * Reads inline bodies on kept read-only connections with the query already prepared. FETCH and
 * RETR open one body per message: a pool checkout and a statement compilation per body cost more
 * than the row read itself. Up to {@link #KEPT} readers are kept; beyond that (a burst of
 * concurrent readers) one is opened for the read and closed after it.
 */
final class BodyReaders implements AutoCloseable {
    private static final int KEPT = 16;
    private static final String QUERY = "SELECT data FROM blob_data WHERE id = ?";

    private final DataSource source;
    private final ArrayBlockingQueue<Reader> idle = new ArrayBlockingQueue<>(KEPT);
    private volatile boolean closed;

    BodyReaders(DataSource source) {
        this.source = source;
    }

    /** The body of blob row {@code rowId}; null if there is none. */
    byte[] read(long rowId) {
        Reader r = idle.poll();
        try {
            if (r == null) {
                r = new Reader(source.getConnection());
            }
            byte[] data = r.read(rowId);
            if (closed || !idle.offer(r)) {
                r.close();
            }
            return data;
        } catch (SQLException e) {
            if (r != null) {
                r.close();
            }
            throw new StoreException("database read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Reader r = idle.poll(); r != null; r = idle.poll()) {
            r.close();
        }
    }

    /** One connection and its prepared query; used by one thread at a time. */
    private static final class Reader {
        private final Connection connection;
        private final PreparedStatement query;

        Reader(Connection connection) throws SQLException {
            this.connection = connection;
            try (java.sql.Statement st = connection.createStatement()) {
                st.execute("PRAGMA query_only = 1"); // readers never write
                this.query = connection.prepareStatement(QUERY);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }

        byte[] read(long rowId) throws SQLException {
            query.setLong(1, rowId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }

        void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a read-only connection: nothing to lose
            }
        }
    }
}
