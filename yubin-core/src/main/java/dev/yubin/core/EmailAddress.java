package dev.yubin.core;

import java.util.Locale;

/**
 * A mailbox address {@code local@domain} as carried in SMTP paths and stored in the directory.
 *
 * <p>The local part is kept as received except that it is never empty and never longer than
 * 64 octets (RFC 5321 §4.5.3.1.1). Comparison for routing uses {@link #canonical()}, which folds
 * the local part to lower case: like Postfix and Dovecot, Yubin treats local parts as
 * case-insensitive (RFC 5321 §2.4 allows this for local mailboxes). Quoted local parts are kept
 * without their quotes; {@link #toString()} re-quotes them when needed.
 */
public record EmailAddress(String localPart, Domain domain) {

    public EmailAddress {
        if (localPart == null || localPart.isEmpty()) {
            throw new IllegalArgumentException("empty local part");
        }
        if (localPart.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("local part longer than 64 octets"); // RFC 5321 §4.5.3.1.1
        }
        for (int i = 0; i < localPart.length(); i++) {
            char c = localPart.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("control character in local part");
            }
        }
        if (domain == null) {
            throw new IllegalArgumentException("null domain");
        }
    }

    /**
     * Parses {@code local@domain} (no angle brackets). Accepts a quoted local part. Rejects
     * source routes, bang paths and the percent hack only in the sense that they stay part of the
     * local part; relay decisions are made on the domain alone.
     */
    public static EmailAddress parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("address is null");
        }
        String t = text.strip();
        int at = t.lastIndexOf('@');
        if (at <= 0 || at == t.length() - 1) {
            throw new IllegalArgumentException("address needs local@domain: " + text);
        }
        String local = t.substring(0, at);
        if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
            local = unquote(local.substring(1, local.length() - 1));
        } else {
            validateDotAtom(local, text);
        }
        return new EmailAddress(local, Domain.parse(t.substring(at + 1)));
    }

    private static void validateDotAtom(String local, String text) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw new IllegalArgumentException("bad dots in local part: " + text);
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c >= 0x80) {
                continue; // RFC 6531 UTF-8 local parts
            }
            if (!isAtext(c) && c != '.') {
                throw new IllegalArgumentException("bad character in local part: " + text);
            }
        }
    }

    private static String unquote(String quoted) {
        StringBuilder sb = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                c = quoted.charAt(++i);
            } else if (c == '"' || c == '\\') {
                throw new IllegalArgumentException("unescaped quote in local part");
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** RFC 5322 §3.2.3 atext. */
    public static boolean isAtext(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
    }

    /** Lower-cased form used as the lookup key in the directory. */
    public String canonical() {
        return localPart.toLowerCase(Locale.ROOT) + "@" + domain.name();
    }

    /** True when the local part contains non-ASCII characters (needs SMTPUTF8 to transmit). */
    public boolean needsSmtpUtf8() {
        return localPart.chars().anyMatch(c -> c >= 0x80);
    }

    @Override
    public String toString() {
        boolean dotAtom = !localPart.startsWith(".") && !localPart.endsWith(".") && !localPart.contains("..");
        for (int i = 0; dotAtom && i < localPart.length(); i++) {
            char c = localPart.charAt(i);
            dotAtom = c >= 0x80 || isAtext(c) || c == '.';
        }
        if (dotAtom) {
            return localPart + "@" + domain.name();
        }
        return "\"" + localPart.replace("\\", "\\\\").replace("\"", "\\\"") + "\"@" + domain.name();
    }
}
