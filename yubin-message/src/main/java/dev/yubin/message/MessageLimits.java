package dev.yubin.message;

/**
 * Bounds applied while indexing one message, so hostile input costs bounded time and memory.
 *
 * @param maxMimeDepth deepest multipart / message/rfc822 nesting that is descended into (Dovecot: 100;
 *     at most {@link #MAX_MIME_DEPTH})
 * @param maxHeaderBytes octets of one header section that are examined; the rest is skipped
 * @param maxSearchTextBytes UTF-8 octets of each text of {@link MessageText} at most
 * @param maxMimeParts total MIME parts recorded per message (Dovecot: 10,000); later parts are folded
 *     into their parent's body
 */
public record MessageLimits(int maxMimeDepth, int maxHeaderBytes, int maxSearchTextBytes, int maxMimeParts) {

    public static final int DEFAULT_MAX_MIME_DEPTH = 100;
    public static final int DEFAULT_MAX_HEADER_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_SEARCH_TEXT_BYTES = 256 * 1024;
    public static final int DEFAULT_MAX_MIME_PARTS = 10_000;
    /** Upper bound of {@link #maxMimeDepth()}: trees are walked recursively, so the depth stays small. */
    public static final int MAX_MIME_DEPTH = 1000;

    public MessageLimits {
        if (maxMimeDepth < 1 || maxHeaderBytes < 1 || maxSearchTextBytes < 0 || maxMimeParts < 1) {
            throw new IllegalArgumentException("message limits must be positive");
        }
        if (maxMimeDepth > MAX_MIME_DEPTH) {
            throw new IllegalArgumentException("maxMimeDepth above " + MAX_MIME_DEPTH + ": " + maxMimeDepth);
        }
    }

    /** Limits with the default {@link #maxMimeParts()}. */
    public MessageLimits(int maxMimeDepth, int maxHeaderBytes, int maxSearchTextBytes) {
        this(maxMimeDepth, maxHeaderBytes, maxSearchTextBytes, DEFAULT_MAX_MIME_PARTS);
    }

    /** Dovecot-like defaults: depth 100, 1 MiB of header, 256 KiB of search text, 10,000 parts. */
    public static MessageLimits defaults() {
        return new MessageLimits(DEFAULT_MAX_MIME_DEPTH, DEFAULT_MAX_HEADER_BYTES,
                DEFAULT_MAX_SEARCH_TEXT_BYTES, DEFAULT_MAX_MIME_PARTS);
    }
}
