package dev.yubin.core;

import java.net.IDN;
import java.util.Locale;

/**
 * A DNS domain name as used in mail addresses: lower case, A-label (punycode) form, no trailing dot.
 *
 * <p>RFC 5321 §2.3.5: a domain is a sequence of labels; RFC 5890 for the A-label form of IDNs.
 * The compact constructor accepts only the canonical form; use {@link #parse} for user input.
 */
public record Domain(String name) implements Comparable<Domain> {

    public Domain {
        if (name == null || name.isEmpty() || name.length() > 253) {
            throw new IllegalArgumentException("domain name must be 1..253 characters");
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("domain not in canonical lower case: " + name);
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                throw new IllegalArgumentException("bad label in domain: " + name);
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw new IllegalArgumentException("label starts or ends with '-': " + name);
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok) {
                    throw new IllegalArgumentException("bad character in domain: " + name);
                }
            }
        }
    }

    /** Parses user or wire input: case-folds, converts U-labels to A-labels. Rejects trailing dots. */
    public static Domain parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("domain is null");
        }
        String t = text.strip();
        String ascii;
        try {
            ascii = IDN.toASCII(t, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid domain: " + text, e);
        }
        return new Domain(ascii.toLowerCase(Locale.ROOT));
    }

    /** The U-label (Unicode) form, for display. */
    public String unicode() {
        return IDN.toUnicode(name);
    }

    /** True if this is {@code other} or a subdomain of it. */
    public boolean isSameOrSubdomainOf(Domain other) {
        return name.equals(other.name) || name.endsWith("." + other.name);
    }

    @Override
    public int compareTo(Domain o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
