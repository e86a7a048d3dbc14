package dev.yubin.smtp.queue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a recipient's mail goes: its domain (lower-case A-label, RFC 5890) or an address literal
 * {@code [192.0.2.1]} / {@code [IPv6:2001:db8::1]} (RFC 5321 §4.1.3), delivered to directly.
 */
public record Destination(String name) {
    public Destination {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("empty destination");
        }
    }

    /** The destination of {@code local@domain}: the part after the last {@code @}. */
    public static Destination of(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("no domain in " + address);
        }
        String d = address.substring(at + 1);
        if (d.startsWith("[")) {
            return new Destination(d.toLowerCase(Locale.ROOT).replace("[ipv6:", "[IPv6:"));
        }
        return new Destination(dev.yubin.core.Domain.parse(d).name()); // IDN → A-label
    }

    public boolean isAddressLiteral() {
        return name.startsWith("[");
    }

    /** The address of a literal destination; empty for a domain or a malformed literal. */
    public Optional<InetAddress> literalAddress() {
        if (!isAddressLiteral() || !name.endsWith("]")) {
            return Optional.empty();
        }
        String inner = name.substring(1, name.length() - 1);
        if (inner.startsWith("IPv6:")) {
            inner = inner.substring(5);
            if (!inner.matches("[0-9a-fA-F:.]+")) {
                return Optional.empty();
            }
        } else if (!inner.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(inner)); // a literal: no DNS lookup happens
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
