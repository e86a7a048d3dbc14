package dev.yubin.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns a stored message into the text the full-text index keeps. The store calls it in the
 * background, after delivery, so decoding text never delays the reply that accepts a message; and
 * when a search meets a message not indexed yet. Implemented by the MIME parser's owner (the
 * application wires {@code MessageIndexer::text}); the store knows no MIME.
 */
@FunctionalInterface
public interface TextExtractor {

    /** No extraction: a process with this extractor (the CLI) leaves indexing to the server. */
    TextExtractor NONE = in -> null;

    /** The message's search text; null if this extractor does not extract. Reads {@code message} to its end. */
    Text extract(InputStream message) throws IOException;

    /**
     * @param headers decoded values of the top-level address and subject fields (SEARCH TEXT only)
     * @param body decoded text parts and attachment names (SEARCH BODY and TEXT)
     */
    record Text(String headers, String body) {
        public Text {
            headers = headers == null ? "" : headers;
            body = body == null ? "" : body;
        }
    }
}
