package dev.yubin.smtp.server.command;

import dev.yubin.core.EmailAddress;

/**
 * Parser for SMTP paths (RFC 5321 §4.1.2): {@code Path = "<" [ A-d-l ":" ] Mailbox ">"}, with
 * {@code Mailbox = Local-part "@" ( Domain / address-literal )}, local parts as Dot-string or
 * Quoted-string, and UTF-8 where RFC 6531 §3.3 allows it.
 *
 * <p>A source route ({@code <@a,@b:user@c>}) is accepted and ignored (RFC 5321 §4.1.1.3, §C).
 * The local part is kept exactly as sent (quotes removed), so relay tricks such as the percent
 * hack or bang paths stay visible to the relay check. One trailing dot of the domain is removed
 * (Postfix does the same); the angle brackets may be missing when the path has no spaces.
 */
public final class Paths {

    private Paths() {
    }

    /** What the path names. */
    public sealed interface Path {
    }

    /** {@code <>}: the null reverse-path (MAIL only). */
    public record NullPath() implements Path {
    }

    /** {@code <Postmaster>} without a domain (RCPT only, RFC 5321 §4.1.1.3). */
    public record BarePostmaster() implements Path {
    }

    /** A mailbox. The host is a domain (U- or A-labels, as sent) or an address literal. */
    public record MailboxPath(String localPart, String host, HostKind hostKind) implements Path {
        /** True when SMTPUTF8 is needed to send it (RFC 6531 §3.3). */
        public boolean needsUtf8() {
            return nonAscii(localPart) || nonAscii(host);
        }

        /** True when the local part hides another destination (percent hack, bang path, quoted {@code @}). */
        public boolean looksRouted() {
            return localPart.indexOf('%') >= 0 || localPart.indexOf('!') >= 0 || localPart.indexOf('@') >= 0;
        }
    }

    public enum HostKind { DOMAIN, ADDRESS_LITERAL }

    /** A path and the text after it (the ESMTP parameters). */
    public record Parsed(Path path, String rest) {
    }

    /** Thrown for any syntax error; the caller maps it to its 501 reply. */
    public static final class PathSyntaxException extends Exception {
        public PathSyntaxException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses a path at the start of {@code text}. */
    public static Parsed parse(String text) throws PathSyntaxException {
        String t = text.stripLeading();
        if (t.isEmpty()) {
            throw new PathSyntaxException("missing path");
        }
        if (t.charAt(0) != '<') {
            int sp = t.indexOf(' ');
            String bare = sp < 0 ? t : t.substring(0, sp);
            return new Parsed(inner(bare), sp < 0 ? "" : t.substring(sp + 1));
        }
        int end = closingBracket(t);
        return new Parsed(inner(t.substring(1, end)), t.substring(end + 1));
    }

    private static int closingBracket(String t) throws PathSyntaxException {
        boolean quoted = false;
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        throw new PathSyntaxException("missing '>'");
    }

    private static Path inner(String s) throws PathSyntaxException {
        if (s.isEmpty()) {
            return new NullPath();
        }
        if (s.charAt(0) == '@') {
            int colon = s.indexOf(':'); // RFC 5321 §4.1.2 A-d-l: accepted, then ignored
            if (colon < 0) {
                throw new PathSyntaxException("source route without ':'");
            }
            for (int i = 0; i < colon; i++) {
                char c = s.charAt(i);
                if (c <= ' ' || c == '<' || c == '>' || c == '"') {
                    throw new PathSyntaxException("bad source route");
                }
            }
            s = s.substring(colon + 1);
        }
        if (s.equalsIgnoreCase("postmaster")) {
            return new BarePostmaster();
        }
        int at;
        String local;
        if (s.startsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            int i = 1;
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') {
                    if (++i == s.length() || s.charAt(i) < ' ' || s.charAt(i) == 0x7f) {
                        throw new PathSyntaxException("bad quoted pair");
                    }
                    sb.append(s.charAt(i));
                } else if (c == '"') {
                    break;
                } else if (c < ' ' || c == 0x7f) {
                    throw new PathSyntaxException("control character in quoted local part");
                } else {
                    sb.append(c);
                }
            }
            if (i >= s.length() - 1 || s.charAt(i + 1) != '@') {
                throw new PathSyntaxException("quoted local part must be followed by '@'");
            }
            local = sb.toString();
            at = i + 1;
        } else {
            at = s.indexOf('@');
            if (at <= 0) {
                throw new PathSyntaxException("address needs local-part@domain");
            }
            local = s.substring(0, at);
            checkDotString(local);
        }
        if (local.isEmpty()) {
            throw new PathSyntaxException("empty local part");
        }
        String host = s.substring(at + 1);
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || host.length() < 3) {
                throw new PathSyntaxException("bad address literal");
            }
            for (int i = 1; i < host.length() - 1; i++) {
                char c = host.charAt(i);
                if (c <= ' ' || c >= 0x7f || c == '[' || c == ']' || c == '\\') {
                    throw new PathSyntaxException("bad address literal");
                }
            }
            return new MailboxPath(local, host, HostKind.ADDRESS_LITERAL);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new PathSyntaxException("empty domain");
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_';
            if (!ok) {
                throw new PathSyntaxException("bad character in domain");
            }
        }
        return new MailboxPath(local, host, HostKind.DOMAIN);
    }

    private static void checkDotString(String local) throws PathSyntaxException {
        boolean atomStart = true;
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c == '.') {
                if (atomStart) {
                    throw new PathSyntaxException("bad dots in local part");
                }
                atomStart = true;
            } else if (c >= 0x80 || EmailAddress.isAtext(c)) {
                atomStart = false;
            } else {
                throw new PathSyntaxException("bad character in local part");
            }
        }
        if (atomStart) {
            throw new PathSyntaxException("local part ends with '.'");
        }
    }

    static boolean nonAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }
}
