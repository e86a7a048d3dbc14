package dev.yubin.store.queue;

/** RFC 3461 §4.3 RET: what a DSN returns of the message. */
public enum Ret { FULL, HDRS }
