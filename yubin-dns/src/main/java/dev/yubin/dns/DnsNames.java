package dev.yubin.dns;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

/** Helpers for DNS names: canonical A-label form and reverse names for PTR lookups. */
public final class DnsNames {

    private DnsNames() {
    }

    /**
     * Lower case, A-label form (RFC 5890), without trailing dot; "" for the root. Does not
     * validate label lengths (see {@link #isQueryable}).
     */
    public static String canonical(String name) {
        String n = name.strip();
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        boolean ascii = n.chars().allMatch(c -> c < 0x80);
        if (!ascii) {
            try {
                n = IDN.toASCII(n, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                // keep as is: isQueryable will reject it
            }
        }
        return n.toLowerCase(Locale.ROOT);
    }

    /** Canonical form if the name can be sent in a query (labels 1..63 octets, total <= 253). */
    public static Optional<String> queryable(String name) {
        String n = canonical(name);
        return isQueryable(n) ? Optional.of(n) : Optional.empty();
    }

    /** RFC 1035 §2.3.4: labels of 1..63 octets, name of at most 255 octets on the wire;
     * labels may hold any printable ASCII octet including space (RFC 2181 §11), no control octets. */
    public static boolean isQueryable(String canonicalName) {
        if (canonicalName.isEmpty()) {
            return true;
        }
        if (canonicalName.length() > 253) {
            return false;
        }
        for (String label : canonicalName.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (c < 0x20 || c >= 0x7f) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The name in dnsjava's master-file syntax: every octet other than letters, digits, '-' and
     * '_' escaped as {@code \DDD}, so names with unusual (but legal) octets survive parsing.
     */
    public static String escaped(String canonicalName) {
        StringBuilder sb = new StringBuilder(canonicalName.length() + 1);
        for (int i = 0; i < canonicalName.length(); i++) {
            char c = canonicalName.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            if (plain) {
                sb.append(c);
            } else {
                sb.append('\\').append(String.format("%03d", (int) c & 0xff));
            }
        }
        return sb.append('.').toString();
    }

    /** The reverse-lookup name: {@code 4.3.2.1.in-addr.arpa} or the nibble form under ip6.arpa. */
    public static String reverseName(InetAddress address) {
        byte[] b = address.getAddress();
        StringBuilder sb = new StringBuilder();
        if (address instanceof Inet4Address) {
            for (int i = b.length - 1; i >= 0; i--) {
                sb.append(b[i] & 0xff).append('.');
            }
            return sb.append("in-addr.arpa").toString();
        }
        for (int i = b.length - 1; i >= 0; i--) {
            sb.append(Character.forDigit(b[i] & 0xf, 16)).append('.');
            sb.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append('.');
        }
        return sb.append("ip6.arpa").toString();
    }
}
