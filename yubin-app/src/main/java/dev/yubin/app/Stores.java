package dev.yubin.app;

import dev.yubin.app.config.Catalogue;
import dev.yubin.app.config.Config;
import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageText;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Directory;
import dev.yubin.store.MailboxStore;
import dev.yubin.store.TextExtractor;
import dev.yubin.store.sql.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The storage the configuration names, opened: today the embedded default (SQLite metadata and
 * file-system blobs in one data directory). Closing releases the database.
 */
public record Stores(Directory directory, MailboxStore mailboxes, BlobStore blobs, AutoCloseable handle)
        implements AutoCloseable {

    /** The store for an administration command: it leaves full-text indexing to the server. */
    public static Stores open(Config config) {
        return open(config.path(Catalogue.DATA_DIR));
    }

    public static Stores open(Path dataDir) {
        return open(dataDir, TextExtractor.NONE);
    }

    /**
     * The store for the server (or {@code yubin mailbox index}): it keeps the full-text index up to
     * date, decoding bodies with {@code indexer}.
     */
    public static Stores openIndexing(Config config, MessageIndexer indexer) {
        return open(config.path(Catalogue.DATA_DIR), textExtractor(indexer));
    }

    /** The MIME parser's search text in the store's terms. */
    public static TextExtractor textExtractor(MessageIndexer indexer) {
        return in -> {
            MessageText t = indexer.text(in);
            return new TextExtractor.Text(t.headers(), t.body());
        };
    }

    private static Stores open(Path dataDir, TextExtractor extractor) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new CliException("cannot create data directory " + dataDir + ": " + e.getMessage());
        }
        SqliteStore store = SqliteStore.open(SqliteStore.Settings.defaults(dataDir).withTextExtractor(extractor));
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
