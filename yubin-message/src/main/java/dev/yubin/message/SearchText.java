package dev.yubin.message;

/**
 * The bounded, decoded text of a message for full-text search: header values and text parts, each
 * on its own line, cut once {@code maxBytes} UTF-8 octets are reached.
 */
final class SearchText {

    private final StringBuilder text = new StringBuilder(1024);
    private int remaining;

    SearchText(int maxBytes) {
        this.remaining = maxBytes;
    }

    boolean isFull() {
        return remaining <= 0;
    }

    /** UTF-8 octets still allowed. */
    int remaining() {
        return remaining;
    }

    void append(String s) {
        if (s == null || s.isEmpty() || remaining <= 0) {
            return;
        }
        int n = s.length();
        int k = 0;
        while (k < n) {
            char c = s.charAt(k);
            int cost = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            if (cost > remaining) {
                break;
            }
            remaining -= cost;
            k++;
        }
        if (k > 0 && Character.isHighSurrogate(s.charAt(k - 1))) {
            k--; // never cut a surrogate pair
            remaining += 2;
        }
        int from = text.length();
        text.append(s, 0, k);
        for (int j = from, n2 = text.length(); j < n2; j++) {
            char c = text.charAt(j);
            if (c < 0x20 && c != '\n' && c != '\t') {
                text.setCharAt(j, ' '); // NUL and other controls: not text, and PostgreSQL rejects NUL
            }
        }
        if (remaining > 0) {
            text.append('\n');
            remaining--;
        }
    }

    /** Text of an HTML document without tags, scripts, styles and comments; common entities decoded. */
    static String stripHtml(String html) {
        StringBuilder out = new StringBuilder(html.length() / 2);
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                if (html.startsWith("<!--", i)) {
                    int close = html.indexOf("-->", i + 4);
                    i = close < 0 ? n : close + 3;
                    continue;
                }
                int close = html.indexOf('>', i + 1);
                if (close < 0) {
                    break;
                }
                String skipTo = skippedElementEnd(html, i + 1);
                i = close + 1;
                if (skipTo != null) {
                    int endTag = indexOfIgnoreCase(html, skipTo, i);
                    i = endTag < 0 ? n : endTag;
                }
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (c == '&') {
                int semi = -1;
                for (int k = i + 1, last = Math.min(n, i + 11); k < last; k++) {
                    if (html.charAt(k) == ';') {
                        semi = k;
                        break;
                    }
                }
                if (semi > i) {
                    String entity = entity(html.substring(i + 1, semi));
                    if (entity != null) {
                        out.append(entity);
                        i = semi + 1;
                        continue;
                    }
                }
                out.append(c);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String skippedElementEnd(String html, int nameStart) {
        if (html.regionMatches(true, nameStart, "script", 0, 6)) {
            return "</script";
        }
        if (html.regionMatches(true, nameStart, "style", 0, 5)) {
            return "</style";
        }
        return null;
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        for (int k = from, last = s.length() - what.length(); k <= last; k++) {
            if (s.charAt(k) == '<' && s.regionMatches(true, k, what, 0, what.length())) {
                return k;
            }
        }
        return -1;
    }

    private static String entity(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return " ";
            default: break;
        }
        if (name.length() > 1 && name.charAt(0) == '#') {
            try {
                int cp = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) ? Character.toString(cp) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        int len = text.length();
        return len > 0 && text.charAt(len - 1) == '\n' ? text.substring(0, len - 1) : text.toString();
    }
}
