package dev.yubin.auth.dmarc;

import dev.yubin.auth.HeaderField;
import dev.yubin.auth.RawMessage;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The RFC5322.From author of a message as DMARC needs it (RFC 7489 §6.6.1): exactly one From
 * field with exactly one mailbox, whose domain is the one policy applies to. Anything else is
 * {@link Ambiguous}, which Yubin treats as a reject-class failure (RFC 7489 §6.6.1 leaves this to
 * the receiver; several From fields are invalid per RFC 5322 §3.6).
 */
public sealed interface Author permits Author.Single, Author.Ambiguous {

    /** One author mailbox; {@code domain} in lower-case A-label form. */
    record Single(String address, String domain) implements Author {
    }

    /** No usable author domain: no From, several From fields, several or zero mailboxes, no domain. */
    record Ambiguous(String reason) implements Author {
    }

    static Author of(RawMessage message) {
        List<HeaderField> from = message.headers("From");
        if (from.isEmpty()) {
            return new Ambiguous("no From header field");
        }
        if (from.size() > 1) {
            return new Ambiguous("several From header fields"); // RFC 5322 §3.6: exactly one
        }
        List<String> addresses;
        try {
            addresses = mailboxes(from.get(0).utf8Value());
        } catch (IllegalArgumentException e) {
            return new Ambiguous("unparseable From: " + e.getMessage());
        }
        if (addresses.size() != 1) {
            return new Ambiguous(addresses.isEmpty() ? "no address in From" : "several addresses in From");
        }
        String address = addresses.get(0);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return new Ambiguous("From address without domain");
        }
        String domain = address.substring(at + 1).strip();
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        try {
            domain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return new Ambiguous("invalid From domain");
        }
        if (domain.isEmpty() || domain.startsWith("[") || domain.indexOf('.') < 0) {
            return new Ambiguous("From domain is not a domain name");
        }
        return new Single(address, domain);
    }

    /**
     * The addr-specs of an RFC 5322 address-list: commas, quoted strings, comments, angle
     * addresses and groups understood; display names dropped.
     */
    static List<String> mailboxes(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        StringBuilder angle = null;
        String angled = null;
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < value.length()) {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
                if (angle != null) {
                    angle.append(c);
                }
                continue;
            }
            if (depth > 0) {
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    if (angle != null) {
                        angle.append(c);
                    }
                }
                case '(' -> depth++;
                case '<' -> {
                    if (angle != null) {
                        throw new IllegalArgumentException("nested '<'");
                    }
                    angle = new StringBuilder();
                }
                case '>' -> {
                    if (angle == null) {
                        throw new IllegalArgumentException("'>' without '<'");
                    }
                    angled = angle.toString();
                    angle = null;
                }
                case ':' -> {
                    if (angle == null) {
                        plain.setLength(0); // group name: "undisclosed-recipients:" ...
                    } else {
                        angle.append(c); // obsolete route syntax inside <>
                    }
                }
                case ',', ';' -> {
                    if (angle != null) {
                        angle.append(c);
                    } else {
                        add(out, angled, plain);
                        angled = null;
                        plain.setLength(0);
                    }
                }
                default -> {
                    if (angle != null) {
                        angle.append(c);
                    } else {
                        plain.append(c);
                    }
                }
            }
        }
        if (quoted || depth > 0 || angle != null) {
            throw new IllegalArgumentException("unterminated quote, comment or '<'");
        }
        add(out, angled, plain);
        return out;
    }

    private static void add(List<String> out, String angled, StringBuilder plain) {
        if (angled != null) {
            String a = angled.strip();
            int colon = a.lastIndexOf(':'); // RFC 5322 §4.4 obs-route "@a,@b:"
            out.add(colon >= 0 && a.startsWith("@") ? a.substring(colon + 1) : a);
        } else if (!plain.toString().isBlank()) {
            out.add(plain.toString().strip());
        }
    }
}
