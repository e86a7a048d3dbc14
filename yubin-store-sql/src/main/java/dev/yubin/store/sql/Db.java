package dev.yubin.store.sql;

import dev.yubin.store.StoreException;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Access to the database for the store classes: reads on pooled connections (concurrent with
 * the writer in WAL mode), writes through the one {@link SqlWriter}. Database failures become
 * plain {@link StoreException}s (our fault: temporary replies).
 */
final class Db {
    private final Jdbi readers;
    private final SqlWriter writer;
    final SqlDialect dialect;

    Db(Jdbi readers, SqlWriter writer, SqlDialect dialect) {
        this.readers = readers;
        this.writer = writer;
        this.dialect = dialect;
    }

    /** One or more reads; use {@link #snapshot} when they must agree with each other. */
    <T> T read(Function<Handle, T> work) {
        try {
            return readers.withHandle(work::apply);
        } catch (JdbiException e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        }
    }

    /** Several reads from one consistent snapshot (one read transaction). */
    <T> T snapshot(Function<Handle, T> work) {
        return read(h -> {
            h.execute("BEGIN");
            try {
                return work.apply(h);
            } finally {
                h.execute("COMMIT");
            }
        });
    }

    <T> T write(SqlWriter.Work<T> work) {
        try {
            return writer.write(work);
        } catch (JdbiException e) {
            throw new StoreException("database write failed: " + e.getMessage(), e);
        }
    }

    /** {@link SqlWriter#submit}: queued in order, not waited for. */
    <T> java.util.concurrent.CompletableFuture<T> submit(SqlWriter.Work<T> work) {
        return writer.submit(work);
    }

    void writeVoid(java.util.function.Consumer<WriteTx> work) {
        write(tx -> {
            work.accept(tx);
            return null;
        });
    }
}
