package dev.yubin.message;

import java.io.ByteArrayOutputStream;

/**
 * RFC 2047 encoded-word decoding in linear time (mime4j's regex decoder is quadratic on hostile
 * headers such as 30,000 "=?"). Lenient like real mail readers: words inside quoted strings and words
 * longer than 75 characters are decoded; adjacent words of the same charset are joined before decoding
 * (mailers split UTF-8 sequences across words); whitespace between adjacent encoded-words is dropped
 * (RFC 2047 §6.2); a malformed word is kept as written.
 */
final class EncodedWords {

    private final String s;
    private final int n;
    private final StringBuilder out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private String pendingCharset;
    // the word parsed last by word()
    private String wordCharset;
    private byte[] wordBytes;
    // next "?=" and next blank at or after a position, remembered: positions only grow
    private int closeAt = -2;
    private int closeFrom = Integer.MAX_VALUE;
    private int blankAt = -2;
    private int blankFrom = Integer.MAX_VALUE;

    private EncodedWords(String s) {
        this.s = s;
        this.n = s.length();
        this.out = new StringBuilder(n);
    }

    static String decode(String text) {
        return text.indexOf("=?") < 0 ? text : new EncodedWords(text).run();
    }

    private String run() {
        int i = 0;
        int plainStart = 0;
        while (true) {
            int open = s.indexOf("=?", i);
            if (open < 0) {
                break;
            }
            int end = word(open);
            if (end < 0) {
                i = open + 1;
                continue;
            }
            boolean blankBetween = s.substring(plainStart, open).isBlank();
            if (pendingCharset != null && blankBetween && wordCharset.equalsIgnoreCase(pendingCharset)) {
                pending.writeBytes(wordBytes); // same charset: join the octets, then decode once
            } else {
                boolean afterWord = pendingCharset != null;
                flush();
                if (!afterWord || !blankBetween) {
                    out.append(s, plainStart, open); // RFC 2047 §6.2: blanks between two words vanish
                }
                pending.writeBytes(wordBytes);
                pendingCharset = wordCharset;
            }
            i = end;
            plainStart = end;
        }
        flush();
        out.append(s, plainStart, n);
        return out.toString();
    }

    /** Parses "=?charset?B|Q?text?=" at {@code open}; returns the offset after it, or -1 if malformed. */
    private int word(int open) {
        int q1 = open + 2;
        int q2 = q1;
        while (q2 < n && q2 - q1 <= 64 && s.charAt(q2) != '?' && s.charAt(q2) > ' ') {
            q2++;
        }
        if (q2 == q1 || q2 + 2 >= n || s.charAt(q2) != '?' || s.charAt(q2 + 2) != '?') {
            return -1;
        }
        char enc = Character.toUpperCase(s.charAt(q2 + 1));
        int textStart = q2 + 3;
        int close = nextTerminator(textStart);
        if ((enc != 'B' && enc != 'Q') || close < 0) {
            return -1;
        }
        int blank = nextBlank(textStart);
        if (blank >= 0 && blank < close) {
            return -1; // RFC 2047 §5: no blanks inside a word (and never swallow plain text)
        }
        String charset = s.substring(q1, q2);
        int star = charset.indexOf('*'); // RFC 2231 §5 language suffix
        wordCharset = star >= 0 ? charset.substring(0, star) : charset;
        byte[] raw = new byte[close - textStart];
        for (int k = textStart; k < close; k++) {
            raw[k - textStart] = (byte) s.charAt(k);
        }
        if (enc == 'B') {
            wordBytes = TransferDecoding.base64(raw, 0, raw.length);
        } else {
            for (int k = 0; k < raw.length; k++) {
                if (raw[k] == '_') {
                    raw[k] = ' '; // RFC 2047 §4.2 (2)
                }
            }
            wordBytes = TransferDecoding.quotedPrintable(raw, 0, raw.length);
        }
        return close + 2;
    }

    /** Next "?=" at or after {@code from}, remembered: repeated searches stay linear. */
    private int nextTerminator(int from) {
        if (from < closeFrom || (closeAt != -1 && closeAt < from)) {
            closeAt = s.indexOf("?=", from);
            closeFrom = from;
        }
        return closeAt;
    }

    /** Next blank at or after {@code from}, remembered: repeated searches stay linear. */
    private int nextBlank(int from) {
        if (from < blankFrom || (blankAt != -1 && blankAt < from)) {
            blankAt = indexOfBlank(from);
            blankFrom = from;
        }
        return blankAt;
    }

    private int indexOfBlank(int from) {
        for (int k = from; k < n; k++) {
            char c = s.charAt(k);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                return k;
            }
        }
        return -1;
    }

    private void flush() {
        if (pendingCharset != null && pending.size() > 0) {
            byte[] b = pending.toByteArray();
            out.append(Charsets.text(b, 0, b.length, Charsets.forName(pendingCharset)));
        }
        pending.reset();
        pendingCharset = null;
    }
}
