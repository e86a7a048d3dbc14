package dev.yubin.message;

import java.util.ArrayList;
import java.util.List;

/**
 * Lenient RFC 5322 §3.4 address-list parser producing IMAP ENVELOPE addresses (RFC 9051 §7.5.2).
 * Never throws: junk is skipped, a mailbox without a domain gets {@link Address#MISSING_HOST}, an
 * unterminated group is closed at the end. Display names keep their encoded-words (IMAP sends them
 * as written); quoted strings lose their quotes, a quoted local part keeps them.
 */
final class AddressParser {

    private final String s;
    private final int n;
    private int i;
    private final List<Address> out = new ArrayList<>(2);
    private boolean inGroup;

    // the words seen since the last address: as a display phrase and as a local part
    private final StringBuilder phrase = new StringBuilder();
    private final StringBuilder local = new StringBuilder();
    private boolean pending;
    private boolean spaceBefore;
    private String comment;

    private AddressParser(String s) {
        this.s = s;
        this.n = s.length();
    }

    /** Parses an address list (From, To, Cc, ...); an empty or absent value gives an empty list. */
    static List<Address> parse(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        AddressParser p = new AddressParser(value);
        p.run();
        return p.out;
    }

    private void run() {
        while (i < n) {
            char c = s.charAt(i);
            switch (c) {
                case ' ', '\t', '\r', '\n' -> {
                    i++;
                    spaceBefore = true;
                }
                case '(' -> {
                    comment = readComment();
                    spaceBefore = true;
                }
                case '"' -> {
                    String q = readQuoted();
                    word(q, '"' + q.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
                }
                case '<' -> {
                    i++;
                    angleAddr();
                }
                case '@' -> {
                    i++;
                    String domain = readDomain();
                    emit(phraseOrNull(comment), null, local.toString(), domain);
                }
                case ':' -> {
                    i++;
                    if (!inGroup) {
                        // RFC 5322 §3.4 group = display-name ":" [group-list] ";"
                        out.add(Address.groupStart(phrase.toString()));
                        reset();
                        inGroup = true;
                    }
                }
                case ';' -> {
                    i++;
                    flushBare();
                    if (inGroup) {
                        out.add(Address.groupEnd());
                        inGroup = false;
                    }
                }
                case ',' -> {
                    i++;
                    flushBare();
                }
                case '.' -> {
                    i++;
                    if (spaceBefore && phrase.length() > 0) {
                        phrase.append(' ');
                    }
                    spaceBefore = false;
                    phrase.append('.');
                    local.append('.');
                    pending = true;
                }
                case '>', '[', ']' -> i++;
                default -> {
                    String atom = readAtom();
                    word(atom, atom);
                }
            }
        }
        flushBare();
        if (inGroup) {
            out.add(Address.groupEnd());
        }
    }

    /** A word: {@code display} for the phrase, {@code asLocalPart} (a quoted string keeps its quotes) for an addr-spec. */
    private void word(String display, String asLocalPart) {
        if (spaceBefore && phrase.length() > 0) {
            phrase.append(' '); // words keep the spacing they had, collapsed to one SP
        }
        spaceBefore = false;
        phrase.append(display);
        local.append(asLocalPart);
        pending = true;
    }

    /** Words followed by ',' ';' or the end, with no '@': a mailbox without a domain. */
    private void flushBare() {
        if (pending && local.length() > 0) {
            emit(phraseOrNull(comment), null, local.toString(), Address.MISSING_HOST);
        }
        reset();
    }

    private void angleAddr() {
        String name = phrase.length() > 0 ? phrase.toString() : null;
        reset();
        String adl = null;
        StringBuilder route = null;
        // obs-route: "@a,@b:" before the addr-spec (RFC 5322 §4.4)
        while (true) {
            skipCfws();
            if (i < n && s.charAt(i) == '@') {
                i++;
                if (route == null) {
                    route = new StringBuilder();
                } else {
                    route.append(',');
                }
                route.append('@').append(readDomain());
                skipCfws();
                if (i < n && s.charAt(i) == ',') {
                    i++;
                    continue;
                }
                if (i < n && s.charAt(i) == ':') {
                    i++;
                }
                adl = route.toString();
            }
            break;
        }
        StringBuilder lp = new StringBuilder();
        String domain = null;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '>') {
                i++;
                break;
            } else if (c == '"') {
                String q = readQuoted();
                lp.append('"').append(q.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else if (c == '(') {
                readComment();
            } else if (c == '@') {
                i++;
                domain = readDomain();
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == ',' || c == ';' || c == '<') {
                break; // unterminated angle address
            } else if (c == '.') {
                lp.append('.');
                i++;
            } else {
                lp.append(readAtom());
                if (i < n && s.charAt(i) == '<') {
                    i++;
                }
            }
        }
        if (lp.length() == 0 && domain == null) {
            return; // "<>"
        }
        emit(name, adl, lp.toString(), domain == null || domain.isEmpty() ? Address.MISSING_HOST : domain);
    }

    private String readDomain() {
        StringBuilder d = new StringBuilder();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '(') {
                comment = readComment();
            } else if (c == '[') {
                int close = s.indexOf(']', i);
                int stop = close < 0 ? n : close + 1;
                d.append(s, i, stop);
                i = stop;
            } else if (c == '.') {
                d.append('.');
                i++;
            } else if (c == '"') {
                d.append(readQuoted());
            } else if (isSpecial(c)) {
                break;
            } else {
                d.append(readAtom());
            }
        }
        return d.toString();
    }

    private void emit(String name, String adl, String mailbox, String host) {
        out.add(new Address(name, adl, mailbox, host));
        reset();
    }

    private void reset() {
        phrase.setLength(0);
        local.setLength(0);
        pending = false;
        spaceBefore = false;
        comment = null;
    }

    private String phraseOrNull(String fallback) {
        // for "user@host (Real Name)" the comment is the display name, as most IMAP servers do
        return fallback != null && !fallback.isBlank() ? fallback : null;
    }

    private void skipCfws() {
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '(') {
                readComment();
            } else {
                return;
            }
        }
    }

    private String readAtom() {
        int start = i;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '(' || isSpecial(c)) {
                break;
            }
            i++;
        }
        if (i == start) {
            i++; // a lone special we do not handle here: skip it
            return "";
        }
        return s.substring(start, i);
    }

    private static boolean isSpecial(char c) {
        return c == '<' || c == '>' || c == '@' || c == ',' || c == ';' || c == ':' || c == '.'
                || c == '[' || c == ']' || c == ')';
    }

    /** At '"': returns the content with quoted-pairs resolved; an unterminated string runs to the end. */
    private String readQuoted() {
        i++;
        StringBuilder q = new StringBuilder();
        while (i < n) {
            char c = s.charAt(i++);
            if (c == '"') {
                break;
            }
            if (c == '\\' && i < n) {
                c = s.charAt(i++);
            } else if (c == '\r' || c == '\n') {
                continue; // folding inside a quoted string
            }
            q.append(c);
        }
        return q.toString();
    }

    /** At '(': returns the (possibly nested) comment's text without its outer parentheses. */
    private String readComment() {
        int depth = 0;
        StringBuilder c = new StringBuilder();
        while (i < n) {
            char ch = s.charAt(i++);
            if (ch == '\\' && i < n) {
                c.append(s.charAt(i++));
                continue;
            }
            if (ch == '(') {
                if (depth++ == 0) {
                    continue;
                }
            } else if (ch == ')') {
                if (--depth == 0) {
                    break;
                }
            }
            c.append(ch);
        }
        return c.toString().strip();
    }
}
