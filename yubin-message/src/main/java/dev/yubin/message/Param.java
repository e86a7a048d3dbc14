package dev.yubin.message;

import java.util.Objects;

/** One MIME parameter ({@code name=value}, RFC 2045 §5.1) with its quotes removed; names keep their case. */
public record Param(String name, String value) {
    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
