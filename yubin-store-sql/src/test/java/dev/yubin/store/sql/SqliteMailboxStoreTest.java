package dev.yubin.store.sql;

import dev.yubin.store.MailboxStoreMoreContract;
import dev.yubin.store.StoreFixture;
import java.nio.file.Path;

/** Runs both parts of the mailbox contract (part 2 extends part 1). */
class SqliteMailboxStoreTest extends MailboxStoreMoreContract {
    @Override
    protected StoreFixture open(Path dataDir) {
        return SqliteFixtures.open(dataDir);
    }
}
