package dev.yubin.imap.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * An IMAP sequence set (RFC 9051 §9 {@code sequence-set}): ranges of message sequence numbers or
 * UIDs, where {@link #STAR} stands for the largest number in use, or the saved search result
 * {@code $} (RFC 5182).
 *
 * @param ranges the ranges as written (a range's ends may be in either order)
 * @param saved true for {@code $}
 */
public record SequenceSet(List<Range> ranges, boolean saved) {
    /** Placeholder for {@code *}. */
    public static final long STAR = Long.MAX_VALUE;
    /** The saved search result {@code $}. */
    public static final SequenceSet SAVED = new SequenceSet(List.of(), true);

    public SequenceSet {
        ranges = List.copyOf(ranges);
    }

    /** One range; a single number has {@code low == high}. */
    public record Range(long low, long high) {
        /** Resolves {@code *} to {@code max} and orders the ends. */
        public long from(long max) {
            return Math.min(resolve(low, max), resolve(high, max));
        }

        public long to(long max) {
            return Math.max(resolve(low, max), resolve(high, max));
        }

        private static long resolve(long v, long max) {
            return v == STAR ? max : v;
        }
    }

    public static SequenceSet of(List<Range> ranges) {
        return new SequenceSet(ranges, false);
    }

    /** True if {@code n} is in the set, with {@code *} meaning {@code max}. */
    public boolean contains(long n, long max) {
        for (Range r : ranges) {
            if (n >= r.from(max) && n <= r.to(max)) {
                return true;
            }
        }
        return false;
    }

    /** Parses {@code 1:3,5,7:*}; throws on anything else (RFC 9051 §9 seq-number is nz-number or *). */
    public static SequenceSet parse(String s) throws ParseException {
        if (s.equals("$")) {
            return SAVED;
        }
        List<Range> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        if (n == 0) {
            throw new ParseException("Empty sequence set");
        }
        while (i < n) {
            int comma = s.indexOf(',', i);
            int end = comma < 0 ? n : comma;
            int colon = s.indexOf(':', i);
            if (colon >= 0 && colon < end) {
                out.add(new Range(number(s, i, colon), number(s, colon + 1, end)));
            } else {
                long v = number(s, i, end);
                out.add(new Range(v, v));
            }
            if (out.size() > 100_000) {
                throw new ParseException("Sequence set too long");
            }
            i = end + 1;
            if (comma >= 0 && i >= n) {
                throw new ParseException("Invalid sequence set");
            }
        }
        return of(out);
    }

    private static long number(String s, int from, int to) throws ParseException {
        if (to - from == 1 && s.charAt(from) == '*') {
            return STAR;
        }
        if (to <= from || to - from > 10 || s.charAt(from) == '0') {
            throw new ParseException("Invalid sequence set");
        }
        long v = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                throw new ParseException("Invalid sequence set");
            }
            v = v * 10 + (c - '0');
        }
        if (v > 0xFFFFFFFFL) {
            throw new ParseException("Invalid sequence set: number too large");
        }
        return v;
    }

    /** Renders a sorted, duplicate-free array of numbers compactly ({@code 1:3,7}). */
    public static String format(long[] sorted, int count) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < count) {
            int j = i;
            while (j + 1 < count && sorted[j + 1] == sorted[j] + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(sorted[i]);
            if (j > i) {
                sb.append(':').append(sorted[j]);
            }
            i = j + 1;
        }
        return sb.toString();
    }

    public static String format(List<Long> values) {
        long[] a = new long[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return format(a, a.length);
    }
}
