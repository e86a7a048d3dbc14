package dev.yubin.store;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A forwarding rule: mail to {@code source} goes to every target (local users or outside
 * addresses). A source of the form {@code @domain} is a catch-all for that domain, used only
 * when no user or more specific alias matches.
 */
public record Alias(String source, List<EmailAddress> targets) {
    public Alias {
        source = normaliseSource(source);
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("alias needs at least one target");
        }
    }

    /** Canonical source key: {@code local@domain} lower-cased, or {@code @domain}. */
    public static String normaliseSource(String source) {
        if (source == null) {
            throw new IllegalArgumentException("alias source is null");
        }
        String s = source.strip();
        if (s.startsWith("@")) {
            return "@" + Domain.parse(s.substring(1)).name();
        }
        return EmailAddress.parse(s).canonical();
    }

    public boolean isCatchAll() {
        return source.startsWith("@");
    }

    public Domain domain() {
        return Domain.parse(source.substring(source.indexOf('@') + 1));
    }

    /** The local part of a non-catch-all source. */
    public Optional<String> localPart() {
        return isCatchAll() ? Optional.empty()
                : Optional.of(source.substring(0, source.lastIndexOf('@')).toLowerCase(Locale.ROOT));
    }
}
