package dev.yubin.store.sql;

import dev.yubin.store.StoreFixture;
import java.nio.file.Path;

/** Opens a {@link SqliteStore} as a contract-suite fixture. */
final class SqliteFixtures {
    private SqliteFixtures() {
    }

    static StoreFixture open(Path dataDir) {
        SqliteStore s = SqliteStore.open(MimeTexts.settings(dataDir));
        return new StoreFixture(s, s, s.blobs(), s);
    }
}
