package dev.yubin.store.sql;

import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageLimits;
import dev.yubin.message.MessageText;
import dev.yubin.store.TextExtractor;

/** The text extractor the server wires in (yubin-message's MIME parser), for the store's tests. */
final class MimeTexts {
    private static final MessageIndexer INDEXER = new MessageIndexer(MessageLimits.defaults());

    static final TextExtractor EXTRACTOR = in -> {
        MessageText t = INDEXER.text(in);
        return new TextExtractor.Text(t.headers(), t.body());
    };

    private MimeTexts() {
    }

    /** Store settings for tests: defaults plus the MIME text extractor. */
    static SqliteStore.Settings settings(java.nio.file.Path dataDir) {
        return SqliteStore.Settings.defaults(dataDir).withTextExtractor(EXTRACTOR);
    }
}
