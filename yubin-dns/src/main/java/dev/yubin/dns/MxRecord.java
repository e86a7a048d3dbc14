package dev.yubin.dns;

/**
 * One MX record (RFC 1035 §3.3.9). The host is lower case, A-label form, without trailing dot;
 * it is empty for the root name, which with preference 0 is a null MX (RFC 7505).
 */
public record MxRecord(int preference, String host) {

    public MxRecord {
        if (preference < 0 || preference > 0xffff) {
            throw new IllegalArgumentException("MX preference out of range: " + preference);
        }
        host = DnsNames.canonical(host);
    }

    /** RFC 7505 §3: a single MX with host "." means the domain accepts no mail. */
    public boolean isNullMx() {
        return host.isEmpty();
    }
}
