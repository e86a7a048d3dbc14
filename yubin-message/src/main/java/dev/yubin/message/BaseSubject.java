package dev.yubin.message;

/**
 * RFC 5256 §2.1 base subject extraction, for SORT SUBJECT and THREAD ORDEREDSUBJECT / REFERENCES.
 * Pure; the result keeps its case (SORT compares it with i;ascii-casemap, see
 * {@link AddressDecoding#asciiCasemap(String)}).
 */
public final class BaseSubject {

    private BaseSubject() {
    }

    /** The base subject of a raw Subject: value (encoded-words are decoded first); "" for null. */
    public static String of(String subject) {
        return extract(subject, new boolean[1]);
    }

    /**
     * True when extraction removed a reply or forward marker ("Re:", "Fwd:", "(fwd)", "[fwd: ...]"),
     * which THREAD=REFERENCES uses (RFC 5256 §4 step 4).
     */
    public static boolean isReplyOrForward(String subject) {
        boolean[] marked = new boolean[1];
        extract(subject, marked);
        return marked[0];
    }

    private static String extract(String subject, boolean[] marked) {
        if (subject == null) {
            return "";
        }
        // RFC 5256 §2.1 (1): decode encoded-words, tabs and continuations to SP, runs of SP to one
        String s = collapseWhitespace(AddressDecoding.decode(subject));
        while (true) {
            // (2) remove trailing subj-trailer = "(fwd)" / WSP, repeatedly
            while (true) {
                int len = s.length();
                if (len > 0 && s.charAt(len - 1) == ' ') {
                    s = s.substring(0, len - 1);
                } else if (len >= 5 && s.regionMatches(true, len - 5, "(fwd)", 0, 5)) {
                    s = s.substring(0, len - 5);
                    marked[0] = true;
                } else {
                    break;
                }
            }
            // (3) remove subj-leader, (4) remove a subj-blob leaving a non-empty base, (5) repeat
            boolean changed = true;
            while (changed) {
                changed = false;
                int leader = leaderLength(s, marked);
                if (leader > 0) {
                    s = s.substring(leader);
                    changed = true;
                }
                int blob = blobLength(s, 0);
                if (blob > 0 && !s.substring(blob).isEmpty()) {
                    s = s.substring(blob);
                    changed = true;
                }
            }
            // (6) subj-fwd = "[fwd:" subj-base "]": unwrap and go back to (2)
            if (s.length() >= 6 && s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) {
                s = s.substring(5, s.length() - 1);
                marked[0] = true;
                continue;
            }
            return s;
        }
    }

    /** subj-leader = (*subj-blob subj-refwd) / WSP; returns the length matched at the start, or 0. */
    private static int leaderLength(String s, boolean[] marked) {
        if (!s.isEmpty() && s.charAt(0) == ' ') {
            return 1;
        }
        int p = 0;
        int blob;
        while ((blob = blobLength(s, p)) > 0) {
            p += blob;
        }
        // subj-refwd = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":"
        int q;
        if (s.regionMatches(true, p, "re", 0, 2)) {
            q = p + 2;
        } else if (s.regionMatches(true, p, "fwd", 0, 3)) {
            q = p + 3;
        } else if (s.regionMatches(true, p, "fw", 0, 2)) {
            q = p + 2;
        } else {
            return 0;
        }
        while (q < s.length() && s.charAt(q) == ' ') {
            q++;
        }
        q += blobLength(s, q);
        if (q < s.length() && s.charAt(q) == ':') {
            marked[0] = true;
            return q + 1;
        }
        return 0;
    }

    /** subj-blob = "[" *BLOBCHAR "]" *WSP at {@code p}; returns its length or 0. */
    private static int blobLength(String s, int p) {
        if (p >= s.length() || s.charAt(p) != '[') {
            return 0;
        }
        int q = p + 1;
        while (q < s.length() && s.charAt(q) != ']' && s.charAt(q) != '[') {
            q++;
        }
        if (q >= s.length() || s.charAt(q) != ']') {
            return 0;
        }
        q++;
        while (q < s.length() && s.charAt(q) == ' ') {
            q++;
        }
        return q - p;
    }

    private static String collapseWhitespace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (!space) {
                    b.append(' ');
                }
                space = true;
            } else {
                b.append(c);
                space = false;
            }
        }
        return b.toString();
    }
}
