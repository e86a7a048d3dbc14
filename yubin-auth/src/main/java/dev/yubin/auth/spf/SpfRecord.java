package dev.yubin.auth.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed SPF record (RFC 7208 §4.6, §12 ABNF): directives in order, and the redirect and exp
 * modifiers. The whole record is parsed before evaluation so that a syntax error anywhere is a
 * permerror (RFC 7208 §4.6).
 */
record SpfRecord(List<Directive> directives, Optional<MacroString> redirect, Optional<MacroString> explanation) {

    enum Qualifier {
        PASS('+'), FAIL('-'), SOFTFAIL('~'), NEUTRAL('?');

        final char symbol;

        Qualifier(char symbol) {
            this.symbol = symbol;
        }
    }

    sealed interface Mechanism permits All, Include, A, Mx, Ptr, Ip, Exists {
    }

    record All() implements Mechanism {
    }

    record Include(MacroString domain) implements Mechanism {
    }

    /** {@code a[:domain][/cidr4][//cidr6]}; an absent domain means the current domain. */
    record A(Optional<MacroString> domain, int cidr4, int cidr6) implements Mechanism {
    }

    record Mx(Optional<MacroString> domain, int cidr4, int cidr6) implements Mechanism {
    }

    record Ptr(Optional<MacroString> domain) implements Mechanism {
    }

    /** ip4 or ip6: a network given by its address bytes (4 or 16) and prefix length. */
    record Ip(byte[] network, int prefix) implements Mechanism {
    }

    record Exists(MacroString domain) implements Mechanism {
    }

    /** One directive; {@code text} is its source form, used to name the matching mechanism. */
    record Directive(Qualifier qualifier, Mechanism mechanism, String text) {
    }

    private static final Pattern MODIFIER = Pattern.compile("([A-Za-z][A-Za-z0-9\\-_.]*)=(.*)", Pattern.DOTALL);
    private static final Pattern MECHANISM = Pattern.compile("([+\\-~?]?)([A-Za-z][A-Za-z0-9\\-_.]*)(.*)", Pattern.DOTALL);
    // ABNF: dual-cidr-length, ip4-cidr-length = "/" ("0" / %x31-39 0*1DIGIT), ip6 likewise up to 3 digits
    private static final Pattern DOMAIN_CIDR = Pattern.compile(
            "(?::(.*?))?(?:/(0|[1-9][0-9]?))?(?://(0|[1-9][0-9]{0,2}))?", Pattern.DOTALL);
    private static final Pattern TOPLABEL = Pattern.compile(
            "[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9]");

    /** True if {@code txt} is an SPF version 1 record (RFC 7208 §4.5): "v=spf1" then SP or end. */
    static boolean isSpf1(String txt) {
        return txt.regionMatches(true, 0, "v=spf1", 0, 6) && (txt.length() == 6 || txt.charAt(6) == ' ');
    }

    static SpfRecord parse(String txt) throws SpfSyntaxException {
        if (!isSpf1(txt)) {
            throw new SpfSyntaxException("not an SPF record");
        }
        for (int i = 0; i < txt.length(); i++) {
            char c = txt.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new SpfSyntaxException("SPF records are printable US-ASCII"); // RFC 7208 §3.1, §4.6.1
            }
        }
        List<Directive> directives = new ArrayList<>();
        MacroString redirect = null;
        MacroString exp = null;
        for (String term : txt.substring(6).split(" +")) {
            if (term.isEmpty()) {
                continue;
            }
            Matcher mod = MODIFIER.matcher(term);
            if (mod.matches()) {
                String name = mod.group(1).toLowerCase(Locale.ROOT);
                String value = mod.group(2);
                switch (name) {
                    case "redirect" -> {
                        if (redirect != null) {
                            throw new SpfSyntaxException("redirect= appears twice"); // RFC 7208 §6
                        }
                        redirect = domainSpec(value);
                    }
                    case "exp" -> {
                        if (exp != null) {
                            throw new SpfSyntaxException("exp= appears twice"); // RFC 7208 §6
                        }
                        exp = domainSpec(value);
                    }
                    default -> MacroString.parse(value, MacroString.Use.DOMAIN_SPEC); // RFC 7208 §6: syntax only
                }
                continue;
            }
            directives.add(directive(term));
        }
        return new SpfRecord(directives, Optional.ofNullable(redirect), Optional.ofNullable(exp));
    }

    private static Directive directive(String term) throws SpfSyntaxException {
        Matcher m = MECHANISM.matcher(term);
        if (!m.matches()) {
            throw new SpfSyntaxException("invalid term: " + term);
        }
        Qualifier q = switch (m.group(1)) {
            case "-" -> Qualifier.FAIL;
            case "~" -> Qualifier.SOFTFAIL;
            case "?" -> Qualifier.NEUTRAL;
            default -> Qualifier.PASS;
        };
        String name = m.group(2).toLowerCase(Locale.ROOT);
        String rest = m.group(3);
        Mechanism mech = switch (name) {
            case "all" -> {
                requireEmpty(rest, term);
                yield new All();
            }
            case "include" -> new Include(requiredDomain(rest, term));
            case "exists" -> new Exists(requiredDomain(rest, term));
            case "ptr" -> new Ptr(rest.isEmpty() ? Optional.empty() : Optional.of(requiredDomain(rest, term)));
            case "a", "mx" -> {
                Matcher dc = DOMAIN_CIDR.matcher(rest);
                if (!dc.matches()) {
                    throw new SpfSyntaxException("invalid " + name + " mechanism: " + term);
                }
                Optional<MacroString> domain = dc.group(1) == null ? Optional.empty() : Optional.of(domainSpec(dc.group(1)));
                int c4 = dc.group(2) == null ? 32 : Integer.parseInt(dc.group(2));
                int c6 = dc.group(3) == null ? 128 : Integer.parseInt(dc.group(3));
                if (c4 > 32 || c6 > 128) {
                    throw new SpfSyntaxException("CIDR length out of range: " + term);
                }
                yield name.equals("a") ? new A(domain, c4, c6) : new Mx(domain, c4, c6);
            }
            case "ip4" -> ip(rest, term, 4);
            case "ip6" -> ip(rest, term, 16);
            default -> throw new SpfSyntaxException("unknown mechanism: " + term); // RFC 7208 §5
        };
        return new Directive(q, mech, term);
    }

    private static Ip ip(String rest, String term, int length) throws SpfSyntaxException {
        if (!rest.startsWith(":")) {
            throw new SpfSyntaxException("ip4/ip6 need an address: " + term);
        }
        String value = rest.substring(1);
        int prefix = length * 8;
        int slash = value.indexOf('/');
        if (slash >= 0) {
            String p = value.substring(slash + 1);
            String pattern = length == 4 ? "0|[1-9][0-9]?" : "0|[1-9][0-9]{0,2}";
            if (!p.matches(pattern) || Integer.parseInt(p) > prefix) {
                throw new SpfSyntaxException("invalid CIDR length: " + term); // RFC 7208 §5.6
            }
            prefix = Integer.parseInt(p);
            value = value.substring(0, slash);
        }
        byte[] network = length == 4 ? IpAddresses.parseIp4(value) : IpAddresses.parseIp6(value);
        if (network == null) {
            throw new SpfSyntaxException("invalid address: " + term);
        }
        return new Ip(network, prefix);
    }

    private static void requireEmpty(String rest, String term) throws SpfSyntaxException {
        if (!rest.isEmpty()) {
            throw new SpfSyntaxException("mechanism takes no argument: " + term);
        }
    }

    private static MacroString requiredDomain(String rest, String term) throws SpfSyntaxException {
        if (!rest.startsWith(":")) {
            throw new SpfSyntaxException("mechanism needs ':' domain-spec: " + term);
        }
        return domainSpec(rest.substring(1));
    }

    /** RFC 7208 §7.1: domain-spec = macro-string domain-end; domain-end = "." toplabel ["."] / macro-expand. */
    static MacroString domainSpec(String text) throws SpfSyntaxException {
        if (text.isEmpty()) {
            throw new SpfSyntaxException("empty domain-spec");
        }
        MacroString ms = MacroString.parse(text, MacroString.Use.DOMAIN_SPEC);
        var tokens = ms.tokens();
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1) instanceof MacroString.Macro) {
            return ms;
        }
        if (text.endsWith("%%") || text.endsWith("%_") || text.endsWith("%-")) {
            return ms; // an escape is a macro-expand too
        }
        String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        int dot = t.lastIndexOf('.');
        if (dot < 0 || !TOPLABEL.matcher(t.substring(dot + 1)).matches() || t.substring(dot + 1).indexOf('%') >= 0) {
            throw new SpfSyntaxException("domain-spec must end in a macro or '.' toplabel: " + text);
        }
        return ms;
    }
}
