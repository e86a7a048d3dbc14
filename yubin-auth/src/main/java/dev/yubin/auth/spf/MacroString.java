package dev.yubin.auth.spf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A parsed macro-string (RFC 7208 §7.1): literal text and macro expansions, validated when
 * parsed so that syntax errors are found before evaluation (RFC 7208 §4.6).
 */
final class MacroString {

    /** Where the macro-string appears: explanations allow spaces and the c, r, t letters. */
    enum Use { DOMAIN_SPEC, EXPLANATION }

    sealed interface Token permits Literal, Macro {
    }

    record Literal(String text) implements Token {
    }

    /** {@code %{letter digits r delimiters}}; {@code url} when the letter was upper case. */
    record Macro(char letter, boolean url, int digits, boolean reverse, String delimiters) implements Token {
    }

    /** Values of the macro letters for one evaluation. */
    interface Values {
        /** The value of a lower-case macro letter (s, l, o, d, i, p, v, h, c, r, t). */
        String value(char letter);
    }

    private final List<Token> tokens;
    private final String source;

    private MacroString(List<Token> tokens, String source) {
        this.tokens = List.copyOf(tokens);
        this.source = source;
    }

    static MacroString parse(String text, Use use) throws SpfSyntaxException {
        List<Token> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                // RFC 7208 §7.1: macro-literal = %x21-24 / %x26-7E; explanations also allow SP
                boolean ok = (c >= 0x21 && c <= 0x7e) || (c == ' ' && use == Use.EXPLANATION);
                if (!ok) {
                    throw new SpfSyntaxException("invalid character in macro-string: " + text);
                }
                literal.append(c);
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new SpfSyntaxException("'%' at end of macro-string: " + text);
            }
            char n = text.charAt(++i);
            switch (n) {
                case '%' -> literal.append('%');
                case '_' -> literal.append(' ');
                case '-' -> literal.append("%20");
                case '{' -> {
                    int close = text.indexOf('}', i);
                    if (close < 0) {
                        throw new SpfSyntaxException("unterminated macro: " + text);
                    }
                    if (!literal.isEmpty()) {
                        tokens.add(new Literal(literal.toString()));
                        literal.setLength(0);
                    }
                    tokens.add(macro(text.substring(i + 1, close), use, text));
                    i = close;
                }
                default -> throw new SpfSyntaxException("'%' must be followed by {, %, _ or -: " + text);
            }
        }
        if (!literal.isEmpty()) {
            tokens.add(new Literal(literal.toString()));
        }
        return new MacroString(tokens, text);
    }

    private static Macro macro(String body, Use use, String text) throws SpfSyntaxException {
        if (body.isEmpty()) {
            throw new SpfSyntaxException("empty macro: " + text);
        }
        char letter = body.charAt(0);
        char lower = Character.toLowerCase(letter);
        boolean allowed = "slodipvh".indexOf(lower) >= 0 || (use == Use.EXPLANATION && "crt".indexOf(lower) >= 0);
        if (!allowed || letter > 0x7f) {
            throw new SpfSyntaxException("macro letter not allowed here: %{" + body + "}");
        }
        int i = 1;
        int digitsStart = i;
        while (i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '9') {
            i++;
        }
        int digits = 0;
        if (i > digitsStart) {
            String d = body.substring(digitsStart, i);
            digits = d.length() > 3 ? 999 : Integer.parseInt(d);
            if (digits == 0) {
                throw new SpfSyntaxException("macro digit transformer must be non-zero: " + text); // RFC 7208 §7.3
            }
        }
        boolean reverse = false;
        if (i < body.length() && (body.charAt(i) == 'r' || body.charAt(i) == 'R')) {
            reverse = true;
            i++;
        }
        String delimiters = body.substring(i);
        for (int k = 0; k < delimiters.length(); k++) {
            if (".-+,/_=".indexOf(delimiters.charAt(k)) < 0) {
                throw new SpfSyntaxException("invalid macro delimiter in %{" + body + "}");
            }
        }
        return new Macro(lower, Character.isUpperCase(letter), digits, reverse,
                delimiters.isEmpty() ? "." : delimiters);
    }

    List<Token> tokens() {
        return tokens;
    }

    boolean endsWithMacro() {
        return !tokens.isEmpty() && tokens.get(tokens.size() - 1) instanceof Macro;
    }

    /** True if expansion needs the %{p} value (which costs DNS queries). */
    boolean uses(char letter) {
        return tokens.stream().anyMatch(t -> t instanceof Macro m && m.letter() == letter);
    }

    /** RFC 7208 §7.3: expands every macro; the result may need {@link #truncateDomain}. */
    String expand(Values values) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            switch (t) {
                case Literal l -> sb.append(l.text());
                case Macro m -> sb.append(expand(m, values.value(m.letter())));
            }
        }
        return sb.toString();
    }

    private static String expand(Macro m, String value) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            if (m.delimiters().indexOf(value.charAt(i)) >= 0) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        if (m.reverse()) {
            Collections.reverse(parts);
        }
        if (m.digits() > 0 && m.digits() < parts.size()) {
            parts = parts.subList(parts.size() - m.digits(), parts.size());
        }
        String joined = String.join(".", parts);
        return m.url() ? urlEscape(joined) : joined;
    }

    /** RFC 7208 §7.3: upper-case macros are URL-escaped (RFC 3986 unreserved characters kept). */
    static String urlEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    /**
     * RFC 7208 §7.3: a trailing dot is dropped, and labels are removed from the left until the
     * name is at most 253 characters.
     */
    static String truncateDomain(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        while (n.length() > 253) {
            int dot = n.indexOf('.');
            if (dot < 0) {
                break;
            }
            n = n.substring(dot + 1);
        }
        return n;
    }

    @Override
    public String toString() {
        return source;
    }
}
