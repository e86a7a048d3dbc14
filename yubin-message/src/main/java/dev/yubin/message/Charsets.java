package dev.yubin.message;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Charset lookup and byte decoding for real-world mail: aliases, unknown names and 8-bit junk never throw. */
final class Charsets {

    private static final Charset WINDOWS_1252 = lookupOrNull("windows-1252");
    private static final Map<String, Charset> CACHE = new ConcurrentHashMap<>();
    private static final Charset UNKNOWN = StandardCharsets.UTF_8;

    private Charsets() {
    }

    /** The charset for a MIME charset name, or empty-handed UTF-8 when unknown (most 8-bit mail is). */
    static Charset forName(String name) {
        if (name == null || name.isEmpty()) {
            return StandardCharsets.US_ASCII;
        }
        Charset c = CACHE.get(name);
        if (c == null) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            c = lookupOrNull(n);
            if (c == null && n.startsWith("x-")) {
                c = lookupOrNull(n.substring(2));
            }
            if (c == null) {
                c = UNKNOWN;
            }
            // Latin-1 as declared is really windows-1252 in practice (HTML5 does the same)
            if (c == StandardCharsets.ISO_8859_1 && WINDOWS_1252 != null) {
                c = WINDOWS_1252;
            }
            if (CACHE.size() < 512) {
                CACHE.put(name, c);
            }
        }
        return c;
    }

    private static Charset lookupOrNull(String n) {
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Decodes body text: US-ASCII is read as UTF-8 (8-bit text labelled us-ascii is common), UTF-8
     * that is not valid falls back to windows-1252, anything else uses the charset with replacement.
     */
    static String text(byte[] b, int off, int len, Charset cs) {
        if (cs == StandardCharsets.US_ASCII || cs == StandardCharsets.UTF_8) {
            if (isAscii(b, off, len)) {
                return new String(b, off, len, StandardCharsets.ISO_8859_1);
            }
            return utf8OrLatin(b, off, len);
        }
        return new String(b, off, len, cs);
    }

    /** Decodes a raw header value: ASCII, else strict UTF-8 (RFC 6532), else windows-1252. */
    static String headerString(byte[] b, int off, int len) {
        if (isAscii(b, off, len)) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        return utf8OrLatin(b, off, len);
    }

    private static String utf8OrLatin(byte[] b, int off, int len) {
        String fast = new String(b, off, len, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast; // valid UTF-8 (the common case), decoded by the JDK's fast path
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer out = d.decode(ByteBuffer.wrap(b, off, len));
            return out.toString();
        } catch (CharacterCodingException e) {
            return new String(b, off, len, WINDOWS_1252 != null ? WINDOWS_1252 : StandardCharsets.ISO_8859_1);
        }
    }

    static boolean isAscii(byte[] b, int off, int len) {
        for (int k = off, end = off + len; k < end; k++) {
            if (b[k] < 0) {
                return false;
            }
        }
        return true;
    }
}
