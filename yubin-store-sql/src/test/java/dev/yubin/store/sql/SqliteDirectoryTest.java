package dev.yubin.store.sql;

import dev.yubin.store.DirectoryContract;
import dev.yubin.store.StoreFixture;
import java.nio.file.Path;

class SqliteDirectoryTest extends DirectoryContract {
    @Override
    protected StoreFixture open(Path dataDir) {
        return SqliteFixtures.open(dataDir);
    }
}
