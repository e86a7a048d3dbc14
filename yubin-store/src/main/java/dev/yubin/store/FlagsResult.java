package dev.yubin.store;

import java.util.List;

/**
 * Outcome of a flag update.
 *
 * @param updated messages whose flags changed (with their new MODSEQ)
 * @param modifiedSince UIDs not changed because their MODSEQ exceeded UNCHANGEDSINCE (RFC 7162 §3.1.3)
 */
public record FlagsResult(List<MessageRecord> updated, List<Long> modifiedSince) {
    public FlagsResult {
        updated = List.copyOf(updated);
        modifiedSince = List.copyOf(modifiedSince);
    }
}
