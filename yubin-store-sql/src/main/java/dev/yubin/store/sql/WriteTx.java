package dev.yubin.store.sql;

import dev.yubin.store.BlobId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * One unit of work inside a group-committed write transaction: the writer's handle, plus what
 * must happen only after the commit (listeners of touched mailboxes, deletion of released blob
 * files). Discarded with its savepoint if the work fails.
 */
final class WriteTx {
    final Handle handle;
    /** The same connection as {@link #handle}, for the statements of the delivery path. */
    final HotStatements hot;
    final SqlDialect dialect;
    final Set<Long> touched = new HashSet<>();
    final List<BlobId> released = new ArrayList<>();

    WriteTx(Handle handle, HotStatements hot, SqlDialect dialect) {
        this.handle = handle;
        this.hot = hot;
        this.dialect = dialect;
    }

    void touch(long mailboxId) {
        touched.add(mailboxId);
    }
}
