package dev.yubin.message;

import java.util.List;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * RFC 2047 decoding of header text and the address keys of IMAP SORT (RFC 5256 §3, RFC 5957).
 * Pure functions; never throw: malformed encoded-words are left as written.
 */
public final class AddressDecoding {

    private AddressDecoding() {
    }

    /** Decodes RFC 2047 encoded-words (mime4j's lenient decoder); text without "=?" is returned as is. */
    public static String decode(String headerText) {
        if (headerText == null) {
            return null;
        }
        if (headerText.indexOf("=?") < 0) {
            return headerText;
        }
        try {
            return DecoderUtil.decodeEncodedWords(headerText, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return headerText; // a decoder bug must not fail indexing
        }
    }

    /** The decoded display name of a mailbox address, or null when it has none (or is a group marker). */
    public static String displayName(Address a) {
        return a.name() == null ? null : decode(a.name());
    }

    /**
     * RFC 5256 §3 SORT FROM / TO / CC key: the addr-mailbox of the first mailbox in the list (group
     * markers skipped), or "" when there is none. Compared with i;ascii-casemap by the caller.
     */
    public static String sortMailbox(List<Address> addresses) {
        for (Address a : addresses) {
            if (a.host() != null) {
                return a.mailbox() == null ? "" : a.mailbox();
            }
        }
        return "";
    }

    /**
     * RFC 5957 §3 SORT DISPLAYFROM / DISPLAYTO key: the decoded display name of the first mailbox, or
     * its addr-spec when it has no name, or "" when the list has no mailbox.
     */
    public static String sortDisplay(List<Address> addresses) {
        for (Address a : addresses) {
            if (a.host() != null) {
                String name = displayName(a);
                if (name != null && !name.isBlank()) {
                    return name;
                }
                return a.addrSpec();
            }
        }
        return "";
    }

    /** Case folding for the i;ascii-casemap comparator (RFC 4790 §9.2). */
    public static String asciiCasemap(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= 'a' && c[i] <= 'z') {
                c[i] -= 32;
            }
        }
        return new String(c);
    }
}
