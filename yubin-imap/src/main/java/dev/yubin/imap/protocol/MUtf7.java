package dev.yubin.imap.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Modified UTF-7 mailbox names (RFC 3501 §5.1.3), used with clients that enabled neither
 * IMAP4rev2 nor UTF8=ACCEPT (RFC 9051 §5.1 and RFC 6855 §3 use UTF-8 instead).
 */
public final class MUtf7 {
    private MUtf7() {
    }

    public static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        int i = 0;
        int l = s.length();
        while (i < l) {
            char c = s.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                out.append(c == '&' ? "&-" : String.valueOf(c));
                i++;
                continue;
            }
            int j = i;
            while (j < l && (s.charAt(j) < 0x20 || s.charAt(j) > 0x7e)) {
                j++;
            }
            byte[] utf16 = s.substring(i, j).getBytes(StandardCharsets.UTF_16BE);
            String b64 = Base64.getEncoder().withoutPadding().encodeToString(utf16).replace('/', ',');
            out.append('&').append(b64).append('-');
            i = j;
        }
        return out.toString();
    }

    /** Decodes; throws {@link ParseException} for malformed input. */
    public static String decode(String s) throws ParseException {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int l = s.length();
        while (i < l) {
            char c = s.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = s.indexOf('-', i);
            if (end < 0) {
                throw new ParseException("Invalid modified UTF-7 mailbox name");
            }
            if (end == i + 1) {
                out.append('&');
            } else {
                try {
                    byte[] utf16 = Base64.getDecoder().decode(s.substring(i + 1, end).replace(',', '/'));
                    if (utf16.length % 2 != 0) {
                        throw new ParseException("Invalid modified UTF-7 mailbox name");
                    }
                    CharBuffer cb = StandardCharsets.UTF_16BE.newDecoder().decode(ByteBuffer.wrap(utf16));
                    out.append(cb);
                } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
                    throw new ParseException("Invalid modified UTF-7 mailbox name");
                }
            }
            i = end + 1;
        }
        return out.toString();
    }
}
