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

    /** Works on [start, end) of the collapsed text, so each step is O(1) and the whole is linear. */
    private static String extract(String subject, boolean[] marked) {
        if (subject == null) {
            return "";
        }
        // RFC 5256 §2.1 (1): decode encoded-words, tabs and continuations to SP, runs of SP to one
        String s = collapseWhitespace(AddressDecoding.decode(subject));
        int start = 0;
        int end = s.length();
        int[] noLeader = {-1, -1}; // a blob run from a start up to [0] with this end has no subj-refwd after it
        while (true) {
            // (2) remove trailing subj-trailer = "(fwd)" / WSP, repeatedly
            while (true) {
                if (end > start && s.charAt(end - 1) == ' ') {
                    end--;
                } else if (end - start >= 5 && s.regionMatches(true, end - 5, "(fwd)", 0, 5)) {
                    end -= 5;
                    marked[0] = true;
                } else {
                    break;
                }
            }
            // (3) remove subj-leader, (4) remove a subj-blob leaving a non-empty base, (5) repeat
            boolean changed = true;
            while (changed) {
                changed = false;
                int leader = leaderLength(s, start, end, marked, noLeader);
                if (leader > 0) {
                    start += leader;
                    changed = true;
                }
                int blob = blobLength(s, start, end);
                if (blob > 0 && start + blob < end) {
                    start += blob;
                    changed = true;
                }
            }
            // (6) subj-fwd = "[fwd:" subj-base "]": unwrap and go back to (2)
            if (end - start >= 6 && s.regionMatches(true, start, "[fwd:", 0, 5) && s.charAt(end - 1) == ']') {
                start += 5;
                end--;
                marked[0] = true;
                continue;
            }
            return s.substring(start, end);
        }
    }

    /** subj-leader = (*subj-blob subj-refwd) / WSP at {@code start}; returns the length matched, or 0. */
    private static int leaderLength(String s, int start, int end, boolean[] marked, int[] noLeader) {
        if (start < end && s.charAt(start) == ' ') {
            return 1;
        }
        if (start <= noLeader[0] && end == noLeader[1]) {
            return 0; // step (4) only removed a blob of a run already scanned: same answer, no rescan
        }
        int p = start;
        int blob;
        while ((blob = blobLength(s, p, end)) > 0) {
            p += blob;
        }
        if (p > start) {
            noLeader[0] = p;
            noLeader[1] = end;
        }
        // subj-refwd = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":"
        int q;
        if (end - p >= 2 && s.regionMatches(true, p, "re", 0, 2)) {
            q = p + 2;
        } else if (end - p >= 3 && s.regionMatches(true, p, "fwd", 0, 3)) {
            q = p + 3;
        } else if (end - p >= 2 && s.regionMatches(true, p, "fw", 0, 2)) {
            q = p + 2;
        } else {
            return 0;
        }
        while (q < end && s.charAt(q) == ' ') {
            q++;
        }
        q += blobLength(s, q, end);
        if (q < end && s.charAt(q) == ':') {
            marked[0] = true;
            noLeader[0] = -1;
            return q + 1 - start;
        }
        return 0;
    }

    /** subj-blob = "[" *BLOBCHAR "]" *WSP at {@code p}; returns its length or 0. */
    private static int blobLength(String s, int p, int end) {
        if (p >= end || s.charAt(p) != '[') {
            return 0;
        }
        int q = p + 1;
        while (q < end && s.charAt(q) != ']' && s.charAt(q) != '[') {
            q++;
        }
        if (q >= end || s.charAt(q) != ']') {
            return 0;
        }
        q++;
        while (q < end && s.charAt(q) == ' ') {
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
