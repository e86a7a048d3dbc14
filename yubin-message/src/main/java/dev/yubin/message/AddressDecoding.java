package dev.yubin.message;

import java.util.List;

/**
 * RFC 2047 decoding of header text and the address keys of IMAP SORT (RFC 5256 §3, RFC 5957).
 * Pure functions; never throw: malformed encoded-words are left as written.
 */
public final class AddressDecoding {

    private AddressDecoding() {
    }

    /**
     * Decodes RFC 2047 encoded-words leniently and in linear time (words inside quoted strings too,
     * adjacent same-charset words joined before decoding); text without "=?" is returned as is; null
     * gives null.
     */
    public static String decode(String headerText) {
        return headerText == null ? null : EncodedWords.decode(headerText);
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
