package dev.yubin.store.sql;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Access to the store's database for other tables that live in it (the outbound queue in
 * {@code dev.yubin.store.sql.queue}): reads on the reader pool, writes through the store's one
 * writer so they share its group commit. A write returns only after its transaction committed.
 */
public final class SqlAccess {
    private final Db db;

    SqlAccess(Db db) {
        this.db = db;
    }

    /** Reads on a pooled connection. */
    public <T> T read(Function<Handle, T> work) {
        return db.read(work);
    }

    /** Several reads from one consistent snapshot. */
    public <T> T snapshot(Function<Handle, T> work) {
        return db.snapshot(work);
    }

    /** Runs {@code work} in the writer's next group commit (under its own savepoint) and waits for the commit. */
    public <T> T write(Function<Handle, T> work) {
        return db.write(tx -> work.apply(tx.handle));
    }
}
