package dev.yubin.store;

/** Store-assigned identity of a mailbox (folder); never reused, survives renames. */
public record MailboxId(long value) {
}
