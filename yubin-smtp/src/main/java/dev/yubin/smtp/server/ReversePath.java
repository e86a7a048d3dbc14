package dev.yubin.smtp.server;

import dev.yubin.core.EmailAddress;
import java.util.Optional;

/**
 * The MAIL FROM path: a mailbox, or the null path {@code <>} used by bounces (RFC 5321 §4.5.5).
 */
public record ReversePath(Optional<EmailAddress> address) {
    public static final ReversePath NULL = new ReversePath(Optional.empty());

    public ReversePath {
        if (address == null) {
            throw new IllegalArgumentException("use ReversePath.NULL for <>");
        }
    }

    public static ReversePath of(EmailAddress address) {
        return new ReversePath(Optional.of(address));
    }

    public boolean isNull() {
        return address.isEmpty();
    }

    /** In angle brackets, as in {@code Return-Path:}. */
    @Override
    public String toString() {
        return address.map(a -> "<" + a + ">").orElse("<>");
    }
}
