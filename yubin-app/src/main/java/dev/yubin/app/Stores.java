package dev.yubin.app;

import dev.yubin.app.config.Catalogue;
import dev.yubin.app.config.Config;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Directory;
import dev.yubin.store.MailboxStore;
import dev.yubin.store.sql.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The storage the configuration names, opened: today the embedded default (SQLite metadata and
 * file-system blobs in one data directory). Closing releases the database.
 */
public record Stores(Directory directory, MailboxStore mailboxes, BlobStore blobs, AutoCloseable handle)
        implements AutoCloseable {

    public static Stores open(Config config) {
        return open(config.path(Catalogue.DATA_DIR));
    }

    public static Stores open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new CliException("cannot create data directory " + dataDir + ": " + e.getMessage());
        }
        SqliteStore store = SqliteStore.open(dataDir);
        return new Stores(store, store, store.blobs(), store);
    }

    @Override
    public void close() {
        try {
            handle.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the store failed", e);
        }
    }
}
