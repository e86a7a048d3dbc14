package dev.yubin.auth.mtasts;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Host name checks on a server certificate as SMTP does them (RFC 7672 §3.2.3, RFC 8461 §4.2,
 * RFC 6125 §6.4): DNS names from subjectAltName, or the subject CN when there is no DNS name; a
 * wildcard only as the whole leftmost label, matching exactly one label.
 */
public final class CertificateNames {

    private CertificateNames() {
    }

    /** Whether the certificate is issued for {@code host} (case-insensitive, trailing dot ignored). */
    public static boolean matches(X509Certificate cert, String host) {
        String h = normal(host);
        for (String name : dnsNames(cert)) {
            String n = normal(name);
            if (n.equals(h)) {
                return true;
            }
            if (n.startsWith("*.")) {
                int dot = h.indexOf('.');
                if (dot > 0 && h.substring(dot + 1).equals(n.substring(2))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The subjectAltName DNS names, else the CN values (RFC 6125 §6.4.4). */
    public static List<String> dnsNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && Integer.valueOf(2).equals(san.get(0)) && san.get(1) instanceof String s) {
                        names.add(s);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return List.of();
        }
        if (names.isEmpty()) {
            try {
                for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN")) {
                        names.add(String.valueOf(rdn.getValue()));
                    }
                }
            } catch (InvalidNameException e) {
                return List.of();
            }
        }
        return names;
    }

    private static String normal(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
