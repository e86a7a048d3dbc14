package dev.yubin.store.sql;

import dev.yubin.store.FlagChange;
import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A message's flags as stored: the RFC 9051 §2.3.2 system flags as bits, keywords as a
 * space-separated list. Flags compare case-insensitively; system flags are stored in their
 * canonical spelling; {@code \Recent} is never stored (it is session state).
 */
record Flags(int system, String keywords) {
    static final int SEEN = 1;
    static final int ANSWERED = 2;
    static final int FLAGGED = 4;
    static final int DELETED = 8;
    static final int DRAFT = 16;
    private static final String[] NAMES = {"\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft"};

    static final Flags NONE = new Flags(0, "");

    static Flags of(Collection<String> flags) {
        int bits = 0;
        SortedSet<String> keywords = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String f : flags) {
            int bit = bit(f);
            if (bit > 0) {
                bits |= bit;
            } else if (bit == 0) {
                keywords.add(f);
            }
        }
        return new Flags(bits, String.join(" ", keywords));
    }

    /** The bit of a system flag; 0 for a keyword; -1 for {@code \Recent} (ignored). */
    private static int bit(String flag) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equalsIgnoreCase(flag)) {
                return 1 << i;
            }
        }
        return "\\Recent".equalsIgnoreCase(flag) ? -1 : 0;
    }

    Set<String> toSet() {
        if (system == 0 && keywords.isEmpty()) {
            return Set.of();
        }
        SortedSet<String> set = new TreeSet<>();
        for (int i = 0; i < NAMES.length; i++) {
            if ((system & (1 << i)) != 0) {
                set.add(NAMES[i]);
            }
        }
        if (!keywords.isEmpty()) {
            for (String k : keywords.split(" ")) {
                set.add(k);
            }
        }
        return set;
    }

    /** The flags after a STORE (RFC 9051 §6.4.6). */
    Flags apply(FlagChange change) {
        Flags delta = of(change.flags());
        return switch (change.mode()) {
            case REPLACE -> delta;
            case ADD -> new Flags(system | delta.system, merge(keywords, delta.keywords, true));
            case REMOVE -> new Flags(system & ~delta.system, merge(keywords, delta.keywords, false));
        };
    }

    private static String merge(String current, String delta, boolean add) {
        if (delta.isEmpty()) {
            return current;
        }
        SortedSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (!current.isEmpty()) {
            set.addAll(java.util.List.of(current.split(" ")));
        }
        for (String k : delta.split(" ")) {
            if (add) {
                set.add(k);
            } else {
                set.remove(k);
            }
        }
        return String.join(" ", set);
    }
}
