package dev.yubin.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lenient parsers for MIME header values: Content-Type (RFC 2045 §5.1), Content-Disposition
 * (RFC 2183), Content-Language (RFC 3282). Parameter values are unquoted but otherwise kept as written
 * (RFC 2231 continuations and charsets are passed through, as IMAP BODYSTRUCTURE expects).
 */
final class MimeFields {

    /** A parsed Content-Type; type and subtype are lower case. */
    record ContentType(String type, String subtype, List<Param> params) {
        String param(String name) {
            for (Param p : params) {
                if (p.name().equalsIgnoreCase(name)) {
                    return p.value();
                }
            }
            return null;
        }
    }

    /** A parsed Content-Disposition; the value is lower case. */
    record Disposition(String value, List<Param> params) {
    }

    private MimeFields() {
    }

    /** Returns null when the value is absent or not "type/subtype" (the caller applies the default). */
    static ContentType contentType(String value) {
        if (value == null) {
            return null;
        }
        String v = stripComments(value);
        int slash = v.indexOf('/');
        int semi = v.indexOf(';');
        if (slash < 0 || (semi >= 0 && semi < slash)) {
            return null;
        }
        int subEnd = semi < 0 ? v.length() : semi;
        String type = v.substring(0, slash).trim().toLowerCase(Locale.ROOT);
        String subtype = v.substring(slash + 1, subEnd).trim().toLowerCase(Locale.ROOT);
        if (!isToken(type) || !isToken(subtype)) {
            return null;
        }
        return new ContentType(type, subtype, semi < 0 ? List.of() : params(v, semi));
    }

    static Disposition disposition(String value) {
        if (value == null) {
            return null;
        }
        String v = stripComments(value);
        int semi = v.indexOf(';');
        String d = (semi < 0 ? v : v.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        if (d.isEmpty() || !isToken(d)) {
            return null;
        }
        return new Disposition(d, semi < 0 ? List.of() : params(v, semi));
    }

    static List<String> language(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> l = new ArrayList<>(1);
        for (String t : stripComments(value).split(",")) {
            String s = t.trim();
            if (!s.isEmpty()) {
                l.add(s);
            }
        }
        return l;
    }

    static String encoding(String value) {
        if (value == null) {
            return "7bit";
        }
        String e = stripComments(value).trim().toLowerCase(Locale.ROOT);
        return e.isEmpty() ? "7bit" : e;
    }

    /**
     * The decoded value of parameter {@code name}: plain, RFC 2231 extended ({@code name*=utf-8''a%20b}),
     * or RFC 2231 continuations ({@code name*0*=...; name*1=...}), then RFC 2047 encoded-words (which
     * some mailers put in quoted parameters). Null when absent.
     */
    static String decodedParam(List<Param> params, String name) {
        String plain = null;
        StringBuilder joined = null;
        String charset = null;
        for (int part = 0; part < 100; part++) {
            String prefix = name + "*" + part;
            Param found = null;
            for (Param p : params) {
                if (p.name().equalsIgnoreCase(prefix) || p.name().equalsIgnoreCase(prefix + "*")) {
                    found = p;
                    break;
                }
            }
            if (found == null) {
                break;
            }
            String v = found.value();
            if (found.name().endsWith("*")) {
                if (part == 0) {
                    int q1 = v.indexOf('\'');
                    int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                    if (q2 > 0) {
                        charset = v.substring(0, q1);
                        v = v.substring(q2 + 1);
                    }
                }
                v = percentDecode(v, charset);
            }
            joined = joined == null ? new StringBuilder(v) : joined.append(v);
        }
        if (joined != null) {
            return joined.toString();
        }
        for (Param p : params) {
            if (p.name().equalsIgnoreCase(name + "*")) {
                String v = p.value();
                int q1 = v.indexOf('\'');
                int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                return q2 > 0 ? percentDecode(v.substring(q2 + 1), v.substring(0, q1)) : v;
            }
            if (plain == null && p.name().equalsIgnoreCase(name)) {
                plain = p.value();
            }
        }
        return plain == null ? null : AddressDecoding.decode(plain);
    }

    private static String percentDecode(String v, String charset) {
        if (v.indexOf('%') < 0) {
            return v;
        }
        byte[] out = new byte[v.length()];
        int n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            int h = c == '%' && i + 2 < v.length() ? Character.digit(v.charAt(i + 1), 16) : -1;
            int l = h >= 0 ? Character.digit(v.charAt(i + 2), 16) : -1;
            if (l >= 0) {
                out[n++] = (byte) (h << 4 | l);
                i += 2;
            } else {
                out[n++] = (byte) c;
            }
        }
        return Charsets.text(out, 0, n, Charsets.forName(charset == null || charset.isEmpty() ? "utf-8" : charset));
    }

    /** Parses ";name=value" pairs starting at a ';' (index {@code i}). */
    static List<Param> params(String v, int i) {
        List<Param> out = new ArrayList<>(2);
        int n = v.length();
        while (i < n) {
            if (v.charAt(i) != ';') {
                i++;
                continue;
            }
            i++;
            while (i < n && isWsp(v.charAt(i))) {
                i++;
            }
            int nameStart = i;
            while (i < n && v.charAt(i) != '=' && v.charAt(i) != ';') {
                i++;
            }
            String name = v.substring(nameStart, i).trim();
            if (i >= n || v.charAt(i) == ';') {
                continue; // "; junk;" without a value
            }
            i++; // '='
            while (i < n && isWsp(v.charAt(i))) {
                i++;
            }
            String value;
            if (i < n && v.charAt(i) == '"') {
                StringBuilder q = new StringBuilder();
                i++;
                while (i < n) {
                    char c = v.charAt(i++);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\' && i < n) {
                        c = v.charAt(i++);
                    }
                    q.append(c);
                }
                value = q.toString();
                while (i < n && v.charAt(i) != ';') {
                    i++;
                }
            } else {
                int valueStart = i;
                while (i < n && v.charAt(i) != ';') {
                    i++;
                }
                value = v.substring(valueStart, i).trim();
            }
            if (!name.isEmpty() && out.size() < 64) {
                out.add(new Param(name, value));
            }
        }
        return out;
    }

    private static String stripComments(String v) {
        if (v.indexOf('(') < 0) {
            return v;
        }
        StringBuilder b = new StringBuilder(v.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (quoted) {
                b.append(c);
                if (c == '\\' && i + 1 < v.length()) {
                    b.append(v.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (depth > 0) {
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '\\') {
                    i++;
                }
            } else if (c == '(') {
                depth = 1;
            } else {
                if (c == '"') {
                    quoted = true;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }

    /** RFC 2045 §5.1 token: no CTLs, spaces or tspecials. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
