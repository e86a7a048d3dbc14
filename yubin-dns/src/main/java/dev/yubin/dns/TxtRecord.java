package dev.yubin.dns;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One TXT record: its character-strings (RFC 1035 §3.3.14), each decoded one octet per char
 * (ISO-8859-1) so no octet is lost; consumers such as SPF and DKIM check for non-ASCII themselves.
 */
public record TxtRecord(List<String> strings) {

    public TxtRecord {
        strings = List.copyOf(strings);
        for (String s : strings) {
            if (s.length() > 255) {
                throw new IllegalArgumentException("TXT character-string longer than 255 octets");
            }
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 0xff) {
                    throw new IllegalArgumentException("TXT strings hold octets (chars <= 0xff)");
                }
            }
        }
    }

    /** A record from text: UTF-8 encoded, split into strings of at most 255 octets. */
    public static TxtRecord ofText(String text) {
        String octets = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < octets.length(); i += 255) {
            parts.add(octets.substring(i, Math.min(octets.length(), i + 255)));
        }
        if (parts.isEmpty()) {
            parts.add("");
        }
        return new TxtRecord(parts);
    }

    /** The strings concatenated without separator (RFC 7208 §3.3, RFC 6376 §3.6.2.2). */
    public String text() {
        return String.join("", strings);
    }
}
