package dev.yubin.store;

import java.util.List;

/** RFC 4315 COPYUID data: source UIDs and the UIDs they got in the target, in the same order. */
public record CopyResult(long uidValidity, List<Long> sourceUids, List<Long> targetUids) {
    public CopyResult {
        sourceUids = List.copyOf(sourceUids);
        targetUids = List.copyOf(targetUids);
    }
}
