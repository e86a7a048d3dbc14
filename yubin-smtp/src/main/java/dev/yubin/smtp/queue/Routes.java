package dev.yubin.smtp.queue;

import dev.yubin.dns.DnsResult;
import dev.yubin.dns.MxRecord;
import dev.yubin.dns.Resolver;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds the hosts for a destination (RFC 5321 §5.1): MX records by preference, shuffled among
 * equal preferences; the domain itself as an implicit MX when it has no MX but has an address;
 * no delivery for a null MX (RFC 7505); an address literal is its own host.
 */
public final class Routes {
    private final Resolver resolver;
    private final TransportSecurity security;

    public Routes(Resolver resolver) {
        this(resolver, TransportSecurity.none());
    }

    /** Routes whose hosts are used under {@code security} (MTA-STS, DANE; see {@link TransportSecurity}). */
    public Routes(Resolver resolver, TransportSecurity security) {
        this.resolver = resolver;
        this.security = security;
    }

    /** How TLS must be used with the hosts of a route. */
    public TransportSecurity security() {
        return security;
    }

    public Route resolve(Destination destination) {
        if (destination.isAddressLiteral()) {
            return destination.literalAddress()
                    .<Route>map(a -> new Route.Hosts(List.of(new Route.Host(destination.name(), List.of(a)))))
                    .orElseGet(() -> new Route.Unroutable("5.1.2", "bad address literal " + destination));
        }
        String domain = destination.name();
        DnsResult<MxRecord> mx = resolver.mx(domain);
        return switch (mx) {
            case DnsResult.TempFailure<MxRecord> t -> new Route.TemporaryFailure("MX lookup for " + domain
                    + " failed: " + t.reason());
            case DnsResult.NxDomain<MxRecord> n -> new Route.Unroutable("5.1.2", "domain " + domain + " does not exist");
            case DnsResult.NoData<MxRecord> n -> implicitMx(domain);
            case DnsResult.Records<MxRecord> r -> fromMx(domain, r.values());
        };
    }

    private Route fromMx(String domain, List<MxRecord> records) {
        if (records.stream().anyMatch(MxRecord::isNullMx)) {
            // RFC 7505 §3: the domain accepts no mail; fail at once with 5.1.10
            return new Route.Unroutable("5.1.10", "domain " + domain + " accepts no mail (null MX)");
        }
        Map<Integer, List<String>> byPreference = new TreeMap<>();
        for (MxRecord r : records) {
            byPreference.computeIfAbsent(r.preference(), k -> new ArrayList<>()).add(r.host());
        }
        List<Route.Host> hosts = new ArrayList<>();
        String lastProblem = null;
        for (List<String> equal : byPreference.values()) {
            Collections.shuffle(equal, ThreadLocalRandom.current()); // RFC 5321 §5.1: spread load among equals
            for (String host : equal) {
                AddressLookup a = addresses(host);
                if (!a.addresses().isEmpty()) {
                    hosts.add(new Route.Host(host, a.addresses()));
                } else {
                    lastProblem = a.problem();
                }
            }
        }
        if (hosts.isEmpty()) {
            // a broken MX set is usually fixed by its owner: defer rather than bounce (as Postfix)
            return new Route.TemporaryFailure("no address for the MX hosts of " + domain
                    + (lastProblem == null ? "" : ": " + lastProblem));
        }
        return new Route.Hosts(hosts);
    }

    private Route implicitMx(String domain) {
        AddressLookup a = addresses(domain); // RFC 5321 §5.1: no MX → the domain is its own MX
        if (!a.addresses().isEmpty()) {
            return new Route.Hosts(List.of(new Route.Host(domain, a.addresses())));
        }
        if (a.temporary()) {
            return new Route.TemporaryFailure("address lookup for " + domain + " failed: " + a.problem());
        }
        return new Route.Unroutable("5.1.2", "domain " + domain + " has no MX and no address");
    }

    private record AddressLookup(List<InetAddress> addresses, boolean temporary, String problem) {
    }

    private AddressLookup addresses(String host) {
        DnsResult<InetAddress> v4 = resolver.a(host);
        DnsResult<InetAddress> v6 = resolver.aaaa(host);
        List<InetAddress> all = new ArrayList<>(v4.values());
        all.addAll(v6.values());
        all.sort(Comparator.comparing(a -> a instanceof java.net.Inet6Address ? 1 : 0)); // IPv4 first
        boolean temp = v4 instanceof DnsResult.TempFailure<InetAddress> || v6 instanceof DnsResult.TempFailure<InetAddress>;
        String problem = v4 instanceof DnsResult.TempFailure<InetAddress> t ? t.reason() : "no A/AAAA for " + host;
        return new AddressLookup(all, temp, problem);
    }
}
