package dev.yubin.store;

import java.util.List;

/**
 * What happened in a mailbox after a MODSEQ (RFC 7162 CHANGEDSINCE / QRESYNC).
 *
 * @param changed messages added or whose flags changed after the given MODSEQ, by UID
 * @param expunged UIDs expunged after the given MODSEQ, ascending
 */
public record Changes(long highestModSeq, List<MessageRecord> changed, List<Long> expunged) {
    public Changes {
        changed = List.copyOf(changed);
        expunged = List.copyOf(expunged);
    }
}
