package dev.yubin.imap.session;

import dev.yubin.store.Mailbox;
import java.util.List;

/** Mailbox name rules and LIST pattern matching (RFC 9051 §5.1, §6.3.9). */
final class MailboxNames {
    private MailboxNames() {
    }

    /** Names CREATE and RENAME accept: non-empty levels, no wildcards or control characters. */
    static boolean valid(String name) {
        if (name.isEmpty() || name.length() > 512 || name.startsWith("/") || name.contains("//")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '%' || c == '*') {
                return false;
            }
        }
        return true;
    }

    /** True if the pattern ({@code *} anything, {@code %} anything but the separator) matches. */
    static boolean matches(String pattern, String name) {
        String n = name;
        String p = pattern;
        if (n.regionMatches(true, 0, "INBOX", 0, 5) && (n.length() == 5 || n.charAt(5) == Mailbox.SEPARATOR)
                && p.regionMatches(true, 0, "INBOX", 0, Math.min(5, p.length()))) {
            int k = Math.min(5, p.length());
            p = "INBOX".substring(0, k) + p.substring(k);
        }
        return match(p, 0, n, 0, 0);
    }

    private static boolean match(String p, int pi, String n, int ni, int depth) {
        if (depth > 64) {
            return false;
        }
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*' || c == '%') {
                for (int k = ni; k <= n.length(); k++) {
                    if (match(p, pi + 1, n, k, depth + 1)) {
                        return true;
                    }
                    if (k < n.length() && c == '%' && n.charAt(k) == Mailbox.SEPARATOR) {
                        return false;
                    }
                }
                return false;
            }
            if (ni >= n.length() || n.charAt(ni) != c) {
                return false;
            }
            pi++;
            ni++;
        }
        return ni == n.length();
    }

    static boolean hasChildren(String name, List<Mailbox> all) {
        String prefix = name + Mailbox.SEPARATOR;
        for (Mailbox m : all) {
            if (m.name().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
