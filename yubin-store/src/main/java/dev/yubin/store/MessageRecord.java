package dev.yubin.store;

import java.time.Instant;
import java.util.Set;

/**
 * One message in one mailbox, as the index holds it (no body, no summary).
 *
 * @param flags system flags ({@code \Seen}, {@code \Answered}, {@code \Flagged}, {@code \Deleted},
 *     {@code \Draft}) and keywords; an unmodifiable, sorted set. {@code \Recent} is never stored.
 */
public record MessageRecord(long uid, long modSeq, Set<String> flags, Instant internalDate, long size,
                            BlobId blob) {
    public MessageRecord {
        flags = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(flags));
    }

    public boolean hasFlag(String flag) {
        for (String f : flags) {
            if (f.equalsIgnoreCase(flag)) {
                return true;
            }
        }
        return false;
    }
}
