package dev.yubin.store;

import java.util.Set;

/** A STORE request: add, remove or replace flags (RFC 9051 §6.4.6). */
public record FlagChange(Mode mode, Set<String> flags) {
    public enum Mode { ADD, REMOVE, REPLACE }

    public FlagChange {
        flags = Set.copyOf(flags);
    }
}
