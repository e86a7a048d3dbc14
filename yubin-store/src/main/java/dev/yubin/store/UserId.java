package dev.yubin.store;

/** Store-assigned identity of a user; stable for the user's life, never reused. */
public record UserId(long value) {
}
