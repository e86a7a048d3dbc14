package dev.yubin.imap.session;

import java.util.Locale;

/** The base subject of RFC 5256 §2.1, used by SORT SUBJECT and THREAD. */
final class BaseSubjects {
    private BaseSubjects() {
    }

    static String of(String subject) {
        String s = subject.replaceAll("[\\t\\r\\n ]+", " ").strip();
        boolean changed = true;
        while (changed) {
            changed = false;
            // trailing "(fwd)" and whitespace (RFC 5256 §2.1 step 2)
            while (s.toLowerCase(Locale.ROOT).endsWith("(fwd)")) {
                s = s.substring(0, s.length() - 5).strip();
                changed = true;
            }
            // leading "re:", "fw:", "fwd:" with optional [blob]s (step 3)
            String t = stripLeader(s);
            if (!t.equals(s)) {
                s = t;
                changed = true;
            }
            // [fwd: ...] wrapper (step 6)
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.startsWith("[fwd:") && s.endsWith("]")) {
                s = s.substring(5, s.length() - 1).strip();
                changed = true;
            }
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private static String stripLeader(String s) {
        String x = s;
        while (x.startsWith("[")) {
            int end = x.indexOf(']');
            if (end < 0) {
                break;
            }
            String rest = x.substring(end + 1).strip();
            if (rest.isEmpty()) {
                break;
            }
            x = rest;
        }
        String lower = x.toLowerCase(Locale.ROOT);
        for (String p : new String[] {"re", "fwd", "fw"}) {
            if (lower.startsWith(p)) {
                int i = p.length();
                String after = x.substring(i);
                if (after.startsWith("[")) {
                    int end = after.indexOf(']');
                    if (end < 0) {
                        continue;
                    }
                    after = after.substring(end + 1);
                }
                after = after.stripLeading();
                if (after.startsWith(":")) {
                    return after.substring(1).strip();
                }
            }
        }
        return s;
    }
}
