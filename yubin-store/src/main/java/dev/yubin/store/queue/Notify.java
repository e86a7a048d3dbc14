package dev.yubin.store.queue;

/** RFC 3461 §4.1 NOTIFY values of one recipient. An empty set means "not given". */
public enum Notify { NEVER, SUCCESS, FAILURE, DELAY }
