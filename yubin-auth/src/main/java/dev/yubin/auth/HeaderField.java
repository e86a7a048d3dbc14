package dev.yubin.auth;

import java.util.Locale;

/**
 * One header field exactly as received: {@code raw} is "Name:value" with its folding and the
 * final CRLF, one char per octet (ISO-8859-1), so canonicalisation can reproduce the signed bytes.
 */
public record HeaderField(String name, String raw) {

    public HeaderField {
        if (name.isEmpty() || raw.indexOf(':') < 0) {
            throw new IllegalArgumentException("header field needs a name and a colon");
        }
    }

    /** The value: everything after the colon, without the final CRLF, folding kept. */
    public String rawValue() {
        String v = raw.substring(raw.indexOf(':') + 1);
        return v.endsWith("\r\n") ? v.substring(0, v.length() - 2) : v;
    }

    /** The value unfolded (CRLF removed) and stripped of surrounding whitespace. */
    public String value() {
        return rawValue().replace("\r\n", "").strip();
    }

    /** The value decoded as UTF-8 (RFC 6532), unfolded and stripped. */
    public String utf8Value() {
        byte[] bytes = value().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    public boolean is(String headerName) {
        return name.equalsIgnoreCase(headerName);
    }

    public String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
