package dev.yubin.store;

/** Aggregate figures for STATUS, LIST-STATUS and the CLI. */
public record MailboxCounts(long messages, long unseen, long deleted, long sizeBytes, long uidNext,
                            long uidValidity, long highestModSeq) {
}
