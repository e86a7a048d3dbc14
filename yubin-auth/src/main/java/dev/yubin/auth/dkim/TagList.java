package dev.yubin.auth.dkim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** RFC 6376 §3.2 tag=value lists, as used by DKIM-Signature, DKIM key records, ARC and DMARC. */
public final class TagList {

    private TagList() {
    }

    /**
     * Parses {@code tag=value; tag=value}. Names are lower-cased; values are stripped of
     * surrounding whitespace (folding included). A duplicate tag is an error (RFC 6376 §3.2).
     */
    public static Map<String, String> parse(String text) throws DkimSyntaxException {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String spec : text.split(";", -1)) {
            String s = spec.replace("\r\n", "").strip();
            if (s.isEmpty()) {
                continue; // a trailing ';' is allowed
            }
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new DkimSyntaxException("tag without '=': " + s);
            }
            String name = s.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!isTagName(name)) {
                throw new DkimSyntaxException("invalid tag name: " + name);
            }
            if (tags.put(name, s.substring(eq + 1).strip()) != null) {
                throw new DkimSyntaxException("duplicate tag: " + name); // RFC 6376 §3.2
            }
        }
        return tags;
    }

    /** RFC 6376 §3.2 tag-name: ALPHA *ALNUMPUNC (lower-cased here). */
    private static boolean isTagName(String name) {
        if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Removes all whitespace (for base64 values such as b= and bh=, RFC 6376 §3.5). */
    public static String compact(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
