package dev.yubin.store.queue;

/** Where one recipient of a queue entry stands. */
public enum RecipientState {
    /** Not yet delivered; tried again at the entry's next attempt. */
    PENDING,
    /** The receiving MTA accepted it (2xx after the data). */
    DELIVERED,
    /** Failed permanently (5xx, no route, expired). */
    FAILED
}
