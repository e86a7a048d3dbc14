package dev.yubin.auth.dmarc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The Public Suffix List (https://publicsuffix.org/list/, MPL 2.0) and the organisational-domain
 * rule of RFC 7489 §3.2: the public suffix of a name plus one label. A copy of the list
 * (Debian package {@code publicsuffix}, 2023-02-09) is shipped as a resource; operators can load
 * a fresher file with {@link #load(InputStream)}.
 */
public final class PublicSuffixList {

    private static final String RESOURCE = "/dev/yubin/auth/dmarc/public_suffix_list.dat";
    private static volatile PublicSuffixList bundled;

    private final Set<String> rules;
    private final Set<String> wildcards;
    private final Set<String> exceptions;

    private PublicSuffixList(Set<String> rules, Set<String> wildcards, Set<String> exceptions) {
        this.rules = Set.copyOf(rules);
        this.wildcards = Set.copyOf(wildcards);
        this.exceptions = Set.copyOf(exceptions);
    }

    /** The list shipped with Yubin, loaded once. */
    public static PublicSuffixList bundled() {
        PublicSuffixList l = bundled;
        if (l == null) {
            try (InputStream in = PublicSuffixList.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                l = load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = l;
        }
        return l;
    }

    /** Parses a list in the publicsuffix.org format (ICANN and private sections both used). */
    public static PublicSuffixList load(InputStream in) throws IOException {
        Set<String> rules = new HashSet<>();
        Set<String> wildcards = new HashSet<>();
        Set<String> exceptions = new HashSet<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            String rule = line.strip();
            int space = rule.indexOf(' ');
            if (space >= 0) {
                rule = rule.substring(0, space);
            }
            if (rule.isEmpty() || rule.startsWith("//")) {
                continue;
            }
            if (rule.startsWith("!")) {
                exceptions.add(ascii(rule.substring(1)));
            } else if (rule.startsWith("*.")) {
                wildcards.add(ascii(rule.substring(2)));
            } else {
                rules.add(ascii(rule));
            }
        }
        return new PublicSuffixList(rules, wildcards, exceptions);
    }

    private static String ascii(String name) {
        try {
            return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    /** The public suffix of {@code domain} (the longest matching rule; "*" by default). */
    public String publicSuffix(String domain) {
        String d = normalise(domain);
        String[] labels = d.split("\\.");
        // walk from the longest candidate to the shortest; the first match is the longest rule
        for (int i = 0; i < labels.length; i++) {
            String candidate = String.join(".", java.util.Arrays.copyOfRange(labels, i, labels.length));
            if (exceptions.contains(candidate)) {
                return String.join(".", java.util.Arrays.copyOfRange(labels, i + 1, labels.length));
            }
            if (rules.contains(candidate)) {
                return candidate;
            }
            if (i + 1 < labels.length) {
                String parent = String.join(".", java.util.Arrays.copyOfRange(labels, i + 1, labels.length));
                if (wildcards.contains(parent)) {
                    return candidate;
                }
            }
        }
        return labels[labels.length - 1]; // the default rule "*"
    }

    /**
     * RFC 7489 §3.2: the organisational domain is the public suffix plus one label; a name that is
     * itself a public suffix is its own organisational domain.
     */
    public String organizationalDomain(String domain) {
        String d = normalise(domain);
        String suffix = publicSuffix(d);
        if (d.equals(suffix)) {
            return d;
        }
        String rest = d.substring(0, d.length() - suffix.length() - 1);
        int dot = rest.lastIndexOf('.');
        return (dot < 0 ? rest : rest.substring(dot + 1)) + "." + suffix;
    }

    private static String normalise(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return ascii(d);
    }
}
