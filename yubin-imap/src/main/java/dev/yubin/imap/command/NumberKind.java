package dev.yubin.imap.command;

/** Whether a command's numbers are message sequence numbers or UIDs (the {@code UID} prefix, RFC 9051 §6.4.9). */
public enum NumberKind { SEQUENCE, UID }
