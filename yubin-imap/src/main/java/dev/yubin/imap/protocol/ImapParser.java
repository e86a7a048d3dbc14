package dev.yubin.imap.protocol;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the grammar elements of RFC 9051 §9 from one {@link RawCommand}: atoms, quoted strings,
 * literals ({@code {n}}, {@code {n+}}, {@code ~{n}}), lists with a nesting limit, numbers,
 * sequence sets and dates. Every method throws {@link ParseException} on bad syntax; none
 * allocates more than the command already holds.
 */
public final class ImapParser {
    private final byte[] b;
    private final int len;
    private final List<byte[]> literals;
    private final int maxDepth;
    private int pos;
    private int nextLiteral;
    private int depth;

    public ImapParser(RawCommand command, int maxDepth) {
        this.b = command.text();
        this.len = b.length;
        this.literals = command.literals();
        this.maxDepth = maxDepth;
    }

    public int position() {
        return pos;
    }

    public boolean atEnd() {
        return pos >= len;
    }

    public void end() throws ParseException {
        if (pos < len) {
            throw new ParseException("Unexpected extra arguments");
        }
    }

    public int peek() {
        return pos < len ? b[pos] & 0xff : -1;
    }

    public boolean peekIs(char c) {
        return pos < len && b[pos] == c;
    }

    /** True (and consumes it) if the next character is {@code c}. */
    public boolean tryChar(char c) {
        if (pos < len && b[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    public void expect(char c) throws ParseException {
        if (!tryChar(c)) {
            throw new ParseException("Expected '" + c + "'");
        }
    }

    public void sp() throws ParseException {
        if (!tryChar(' ')) {
            throw new ParseException("Missing argument");
        }
    }

    /** Consumes {@code word} case-insensitively if it is next (followed by a non-atom char). */
    public boolean tryWord(String word) {
        int n = word.length();
        if (pos + n > len) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (Character.toUpperCase((char) b[pos + i]) != word.charAt(i)) {
                return false;
            }
        }
        if (pos + n < len && isAtomChar(b[pos + n] & 0xff)) {
            return false;
        }
        pos += n;
        return true;
    }

    public void enterList() throws ParseException {
        expect('(');
        if (++depth > maxDepth) {
            throw new ParseException("Too deeply nested");
        }
    }

    /** True (and consumes it) at the list's closing parenthesis. */
    public boolean leaveList() {
        if (tryChar(')')) {
            depth--;
            return true;
        }
        return false;
    }

    public void nest() throws ParseException {
        if (++depth > maxDepth) {
            throw new ParseException("Too deeply nested");
        }
    }

    public void unnest() {
        depth--;
    }

    /** The tag (RFC 9051 §9: 1*&lt;any ASTRING-CHAR except "+"&gt;). */
    public String tag() throws ParseException {
        int start = pos;
        while (pos < len && isAstringChar(b[pos] & 0xff) && b[pos] != '+') {
            pos++;
        }
        if (pos == start || pos - start > 128) {
            throw new ParseException("Invalid tag");
        }
        return ascii(start, pos);
    }

    /** An atom, as written. */
    public String atom() throws ParseException {
        int start = pos;
        while (pos < len && isAtomChar(b[pos] & 0xff)) {
            pos++;
        }
        if (pos == start) {
            throw new ParseException("Expected an atom");
        }
        return utf8(start, pos);
    }

    /** An atom that may also contain ']' (ASTRING-CHAR). */
    private String astringAtom() throws ParseException {
        int start = pos;
        while (pos < len && isAstringChar(b[pos] & 0xff)) {
            pos++;
        }
        if (pos == start) {
            throw new ParseException("Expected a string");
        }
        return utf8(start, pos);
    }

    /** An atom upper-cased (command names, keywords). */
    public String keyword() throws ParseException {
        int start = pos;
        while (pos < len && isAtomChar(b[pos] & 0xff) && b[pos] != '[' && b[pos] != '<') {
            pos++;
        }
        if (pos == start) {
            throw new ParseException("Expected a keyword");
        }
        return ascii(start, pos).toUpperCase(Locale.ROOT);
    }

    /** astring (RFC 9051 §9). */
    public String astring() throws ParseException {
        int c = peek();
        if (c == '"' || c == '{' || c == '~') {
            return string();
        }
        return astringAtom();
    }

    /** nstring: a string or NIL (null). */
    public String nstring() throws ParseException {
        if (tryWord("NIL")) {
            return null;
        }
        return string();
    }

    /** quoted or literal, decoded as UTF-8. */
    public String string() throws ParseException {
        return new String(stringBytes(), StandardCharsets.UTF_8);
    }

    /** quoted or literal (or literal8), as octets. */
    public byte[] stringBytes() throws ParseException {
        int c = peek();
        if (c == '"') {
            return quoted();
        }
        if (c == '{' || c == '~') {
            return literal();
        }
        throw new ParseException("Expected a string");
    }

    public boolean peekLiteral() {
        int c = peek();
        return c == '{' || c == '~';
    }

    private byte[] quoted() throws ParseException {
        pos++;
        byte[] out = new byte[Math.min(len - pos, 256)];
        int n = 0;
        while (true) {
            if (pos >= len) {
                throw new ParseException("Unterminated quoted string");
            }
            int c = b[pos++] & 0xff;
            if (c == '"') {
                return java.util.Arrays.copyOf(out, n);
            }
            if (c == '\\') {
                if (pos >= len) {
                    throw new ParseException("Unterminated quoted string");
                }
                c = b[pos++] & 0xff;
                if (c != '"' && c != '\\') {
                    throw new ParseException("Invalid escape in quoted string");
                }
            } else if (c == '\r' || c == '\n' || c == 0) {
                throw new ParseException("Invalid character in quoted string");
            }
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, Math.min(len, out.length * 2 + 1));
            }
            out[n++] = (byte) c;
        }
    }

    /** A literal: {@code {n}CRLF} (or {@code {n+}}, {@code ~{n}}) followed by its octets. */
    public byte[] literal() throws ParseException {
        tryChar('~');
        expect('{');
        while (pos < len && b[pos] >= '0' && b[pos] <= '9') {
            pos++;
        }
        tryChar('+');
        expect('}');
        if (pos + 2 > len || b[pos] != '\r' || b[pos + 1] != '\n') {
            throw new ParseException("Literal must end the line");
        }
        if (nextLiteral >= literals.size()) {
            throw new ParseException("Missing literal data");
        }
        pos += 2;
        return literals.get(nextLiteral++);
    }

    /** A non-negative number (RFC 9051 number64 limits). */
    public long number() throws ParseException {
        int start = pos;
        long v = 0;
        while (pos < len && b[pos] >= '0' && b[pos] <= '9') {
            v = v * 10 + (b[pos] - '0');
            pos++;
            if (pos - start > 19) {
                throw new ParseException("Number too large");
            }
        }
        if (pos == start) {
            throw new ParseException("Expected a number");
        }
        return v;
    }

    public long nzNumber() throws ParseException {
        long v = number();
        if (v == 0) {
            throw new ParseException("Expected a non-zero number");
        }
        return v;
    }

    public SequenceSet sequenceSet() throws ParseException {
        int start = pos;
        while (pos < len && (isDigit(b[pos]) || b[pos] == ':' || b[pos] == ',' || b[pos] == '*' || b[pos] == '$')) {
            pos++;
        }
        return SequenceSet.parse(ascii(start, pos));
    }

    public boolean peekSequenceSet() {
        int c = peek();
        return c == '*' || c == '$' || (c >= '1' && c <= '9');
    }

    /** A list-mailbox: astring that may contain the wildcards {@code %} and {@code *}. */
    public String listMailbox() throws ParseException {
        int c = peek();
        if (c == '"' || c == '{' || c == '~') {
            return string();
        }
        int start = pos;
        while (pos < len && (isAstringChar(b[pos] & 0xff) || b[pos] == '%' || b[pos] == '*')) {
            pos++;
        }
        if (pos == start) {
            throw new ParseException("Expected a mailbox pattern");
        }
        return utf8(start, pos);
    }

    /** A flag ({@code \Seen}, {@code \*} or a keyword atom). */
    public String flag() throws ParseException {
        if (tryChar('\\')) {
            if (tryChar('*')) {
                return "\\*";
            }
            return "\\" + atom();
        }
        return atom();
    }

    /** {@code (flag flag ...)}. */
    public List<String> flagList() throws ParseException {
        enterList();
        List<String> flags = new ArrayList<>();
        if (!leaveList()) {
            while (true) {
                flags.add(flag());
                if (leaveList()) {
                    break;
                }
                sp();
            }
        }
        return flags;
    }

    /** Flags either as a list or as space-separated flags (STORE, RFC 9051 §6.4.6). */
    public List<String> flagsAnyForm() throws ParseException {
        if (peekIs('(')) {
            return flagList();
        }
        List<String> flags = new ArrayList<>();
        flags.add(flag());
        while (tryChar(' ')) {
            flags.add(flag());
        }
        return flags;
    }

    /** {@code date} (RFC 9051 §9): d-MMM-yyyy, optionally quoted. */
    public LocalDate date() throws ParseException {
        boolean q = tryChar('"');
        int start = pos;
        while (pos < len && b[pos] != '"' && b[pos] != ' ' && b[pos] != ')') {
            pos++;
        }
        String s = ascii(start, pos);
        if (q) {
            expect('"');
        }
        return ImapDates.parseDate(s);
    }

    /** {@code date-time} (RFC 9051 §9): "dd-MMM-yyyy HH:mm:ss +zzzz". */
    public ZonedDateTime dateTime() throws ParseException {
        expect('"');
        int start = pos;
        while (pos < len && b[pos] != '"') {
            pos++;
        }
        String s = ascii(start, pos);
        expect('"');
        return ImapDates.parseDateTime(s);
    }

    /** The rest of the command as text (for logs). */
    public String rest() {
        return utf8(pos, len);
    }

    private String ascii(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private String utf8(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** ATOM-CHAR (RFC 9051 §9); octets ≥ 0x80 are accepted as UTF-8 (RFC 6855). */
    static boolean isAtomChar(int c) {
        if (c <= 0x1f || c == 0x7f) {
            return false;
        }
        return switch (c) {
            case '(', ')', '{', ' ', '%', '*', '"', '\\', ']' -> false;
            default -> true;
        };
    }

    static boolean isAstringChar(int c) {
        return c == ']' || isAtomChar(c);
    }
}
