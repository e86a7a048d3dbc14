package dev.yubin.dns;

import dev.yubin.dns.DnsResult.Dnssec;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Resolver} answering from zones held in memory, for unit tests and for fixed
 * configurations. Behaves like an authoritative server: a name with no record of the asked type
 * is no data if the name (or a name below it) exists, else NXDOMAIN; CNAMEs are followed; names
 * marked with {@link Builder#timeout} answer every query with a temporary failure; names marked
 * {@link Builder#secure} answer with the AD bit. Immutable once built.
 */
public final class StaticResolver implements Resolver {

    private enum Kind { MX, A, AAAA, TXT, PTR, TLSA, CNAME }

    private record Entry(Kind kind, Object value) {
    }

    private static final int MAX_CNAME_CHAIN = 8;

    private final Map<String, List<Entry>> records;
    private final Set<String> existing;
    private final Set<String> timeouts;
    private final Set<String> secure;

    private StaticResolver(Builder b) {
        Map<String, List<Entry>> copy = new HashMap<>();
        b.records.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.records = Map.copyOf(copy);
        this.timeouts = Set.copyOf(b.timeouts);
        this.secure = Set.copyOf(b.secure);
        Set<String> names = new HashSet<>();
        for (String name : records.keySet()) {
            for (String n = name; ; n = n.substring(n.indexOf('.') + 1)) {
                names.add(n);
                if (n.indexOf('.') < 0) {
                    break;
                }
            }
        }
        this.existing = Set.copyOf(names);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public DnsResult<MxRecord> mx(String name) {
        return lookup(name, Kind.MX, MxRecord.class);
    }

    @Override
    public DnsResult<InetAddress> a(String name) {
        return lookup(name, Kind.A, InetAddress.class);
    }

    @Override
    public DnsResult<InetAddress> aaaa(String name) {
        return lookup(name, Kind.AAAA, InetAddress.class);
    }

    @Override
    public DnsResult<TxtRecord> txt(String name) {
        return lookup(name, Kind.TXT, TxtRecord.class);
    }

    @Override
    public DnsResult<String> ptr(InetAddress address) {
        return lookup(DnsNames.reverseName(address), Kind.PTR, String.class);
    }

    @Override
    public DnsResult<TlsaRecord> tlsa(String name) {
        return lookup(name, Kind.TLSA, TlsaRecord.class);
    }

    private <T> DnsResult<T> lookup(String rawName, Kind kind, Class<T> type) {
        var q = DnsNames.queryable(rawName);
        if (q.isEmpty()) {
            return new DnsResult.NxDomain<>(Dnssec.INSECURE);
        }
        String name = q.get();
        boolean allSecure = true;
        for (int hop = 0; hop <= MAX_CNAME_CHAIN; hop++) {
            allSecure &= secure.contains(name);
            Dnssec dnssec = allSecure ? Dnssec.SECURE : Dnssec.INSECURE;
            List<Entry> entries = records.getOrDefault(name, List.of());
            List<T> values = new ArrayList<>();
            String cname = null;
            for (Entry e : entries) {
                if (e.kind == kind) {
                    values.add(type.cast(e.value));
                } else if (e.kind == Kind.CNAME && cname == null) {
                    cname = (String) e.value;
                }
            }
            if (!values.isEmpty()) {
                return new DnsResult.Records<>(values, dnssec);
            }
            if (timeouts.contains(name)) {
                return new DnsResult.TempFailure<>("timeout for " + name);
            }
            if (cname == null) {
                return existing.contains(name) ? new DnsResult.NoData<>(dnssec) : new DnsResult.NxDomain<>(dnssec);
            }
            name = cname;
        }
        return new DnsResult.TempFailure<>("CNAME chain too long for " + rawName);
    }

    /** Collects records; owner names may be given in any case, with or without trailing dot. */
    public static final class Builder {
        private final Map<String, List<Entry>> records = new HashMap<>();
        private final Set<String> timeouts = new HashSet<>();
        private final Set<String> secure = new HashSet<>();

        private Builder add(String owner, Kind kind, Object value) {
            records.computeIfAbsent(DnsNames.canonical(owner), k -> new ArrayList<>()).add(new Entry(kind, value));
            return this;
        }

        public Builder mx(String owner, int preference, String host) {
            return add(owner, Kind.MX, new MxRecord(preference, host));
        }

        /** An A or AAAA record, by the form of {@code address} (an IP literal). */
        public Builder address(String owner, String address) {
            InetAddress ip = literal(address);
            return add(owner, ip instanceof Inet4Address ? Kind.A : Kind.AAAA, ip);
        }

        public Builder a(String owner, String ipv4) {
            InetAddress ip = literal(ipv4);
            if (!(ip instanceof Inet4Address)) {
                throw new IllegalArgumentException("not an IPv4 address: " + ipv4);
            }
            return add(owner, Kind.A, ip);
        }

        public Builder aaaa(String owner, String ipv6) {
            InetAddress ip = literal(ipv6);
            if (!(ip instanceof Inet6Address)) {
                throw new IllegalArgumentException("not an IPv6 address: " + ipv6);
            }
            return add(owner, Kind.AAAA, ip);
        }

        /** A TXT record with one string per argument (each at most 255 octets, one char per octet). */
        public Builder txtStrings(String owner, List<String> strings) {
            return add(owner, Kind.TXT, new TxtRecord(strings));
        }

        /** A TXT record holding {@code text} (UTF-8, split into 255-octet strings). */
        public Builder txt(String owner, String text) {
            return add(owner, Kind.TXT, TxtRecord.ofText(text));
        }

        /** A PTR record at an owner name such as {@code 4.3.2.1.in-addr.arpa}. */
        public Builder ptr(String owner, String target) {
            return add(owner, Kind.PTR, DnsNames.canonical(target));
        }

        /** A PTR record at the reverse name of {@code address}. */
        public Builder ptr(InetAddress address, String target) {
            return ptr(DnsNames.reverseName(address), target);
        }

        public Builder tlsa(String owner, TlsaRecord tlsa) {
            return add(owner, Kind.TLSA, tlsa);
        }

        public Builder cname(String owner, String target) {
            return add(owner, Kind.CNAME, DnsNames.canonical(target));
        }

        /**
         * Queries for {@code owner} fail temporarily (like a timeout or SERVFAIL), except for the
         * types that have records added for it: a server that answers some types and not others.
         */
        public Builder timeout(String owner) {
            timeouts.add(DnsNames.canonical(owner));
            return this;
        }

        /** Answers for {@code owner} carry the AD bit. */
        public Builder secure(String owner) {
            secure.add(DnsNames.canonical(owner));
            return this;
        }

        public StaticResolver build() {
            return new StaticResolver(this);
        }

        private static InetAddress literal(String text) {
            String t = text.strip();
            boolean literal = t.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
            if (!literal || t.isEmpty()) {
                throw new IllegalArgumentException("not an IP literal: " + text);
            }
            try {
                return InetAddress.getByName(t);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP literal: " + text, e);
            }
        }
    }
}
