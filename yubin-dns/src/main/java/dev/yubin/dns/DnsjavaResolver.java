package dev.yubin.dns;

import dev.yubin.dns.DnsResult.Dnssec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@link Resolver} on dnsjava: sends queries to the configured recursive resolvers (UDP, TCP on
 * truncation), sets the AD bit in queries so a validating resolver reports DNSSEC state
 * (RFC 6840 §5.7), follows CNAME chains, and caches answers (positive and negative, RFC 2308)
 * for their TTL. Temporary failures are never cached.
 */
public final class DnsjavaResolver implements Resolver {

    private static final int MAX_CNAME_CHAIN = 8;
    private static final long NEGATIVE_TTL_WITHOUT_SOA = 60;

    private final ExtendedResolver dns;
    private final TtlCache cache;

    public DnsjavaResolver(DnsjavaSettings settings) {
        List<org.xbill.DNS.Resolver> resolvers = new ArrayList<>();
        for (InetSocketAddress server : settings.servers()) {
            SimpleResolver r = new SimpleResolver(server);
            r.setTimeout(settings.timeout());
            resolvers.add(r);
        }
        this.dns = new ExtendedResolver(resolvers);
        this.dns.setRetries(settings.retries());
        this.dns.setTimeout(settings.timeout().multipliedBy((settings.retries() + 1L) * settings.servers().size()));
        this.dns.setLoadBalance(false);
        this.cache = new TtlCache(settings.cacheEntries(), settings.maxCacheTtl().toNanos(), System::nanoTime);
    }

    @Override
    public DnsResult<MxRecord> mx(String name) {
        return lookup(name, Type.MX, r -> {
            MXRecord mx = (MXRecord) r;
            return new MxRecord(mx.getPriority(), mx.getTarget().toString(true));
        });
    }

    @Override
    public DnsResult<InetAddress> a(String name) {
        return lookup(name, Type.A, r -> ((ARecord) r).getAddress());
    }

    @Override
    public DnsResult<InetAddress> aaaa(String name) {
        return lookup(name, Type.AAAA, r -> ((AAAARecord) r).getAddress());
    }

    @Override
    public DnsResult<TxtRecord> txt(String name) {
        return lookup(name, Type.TXT, r -> {
            List<String> strings = new ArrayList<>();
            for (byte[] b : ((TXTRecord) r).getStringsAsByteArrays()) {
                strings.add(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            return new TxtRecord(strings);
        });
    }

    @Override
    public DnsResult<String> ptr(InetAddress address) {
        return lookup(DnsNames.reverseName(address), Type.PTR,
                r -> DnsNames.canonical(((PTRRecord) r).getTarget().toString(true)));
    }

    @Override
    public DnsResult<TlsaRecord> tlsa(String name) {
        return lookup(name, Type.TLSA, r -> {
            TLSARecord t = (TLSARecord) r;
            return new TlsaRecord(t.getCertificateUsage(), t.getSelector(), t.getMatchingType(),
                    t.getCertificateAssociationData());
        });
    }

    @SuppressWarnings("unchecked")
    private <T> DnsResult<T> lookup(String rawName, int type, Function<Record, T> map) {
        var canonical = DnsNames.queryable(rawName);
        if (canonical.isEmpty()) {
            return new DnsResult.NxDomain<>(Dnssec.INSECURE);
        }
        String key = canonical.get() + "/" + type;
        Object cached = cache.get(key);
        if (cached != null) {
            return (DnsResult<T>) cached;
        }
        Name qname;
        try {
            qname = canonical.get().isEmpty() ? Name.root : Name.fromString(DnsNames.escaped(canonical.get()));
        } catch (TextParseException e) {
            return new DnsResult.NxDomain<>(Dnssec.INSECURE);
        }
        boolean secure = true;
        for (int depth = 0; depth < MAX_CNAME_CHAIN; depth++) {
            Message response;
            try {
                Message query = Message.newQuery(Record.newRecord(qname, type, DClass.IN));
                query.getHeader().setFlag(Flags.AD);
                response = dns.send(query);
            } catch (IOException e) {
                return new DnsResult.TempFailure<>("DNS query failed for " + qname + ": " + e.getMessage());
            }
            int rcode = response.getRcode();
            secure &= response.getHeader().getFlag(Flags.AD);
            Dnssec dnssec = secure ? Dnssec.SECURE : Dnssec.INSECURE;
            if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
                return new DnsResult.TempFailure<>("DNS " + Rcode.string(rcode) + " for " + qname);
            }
            List<Record> answer = response.getSection(Section.ANSWER);
            Name current = qname;
            long ttl = Long.MAX_VALUE;
            for (int hops = 0; hops <= MAX_CNAME_CHAIN; hops++) {
                List<T> values = new ArrayList<>();
                Name cnameTarget = null;
                for (Record r : answer) {
                    if (!r.getName().equals(current)) {
                        continue;
                    }
                    if (r.getType() == type) {
                        values.add(map.apply(r));
                        ttl = Math.min(ttl, r.getTTL());
                    } else if (r.getType() == Type.CNAME && cnameTarget == null) {
                        cnameTarget = ((CNAMERecord) r).getTarget();
                        ttl = Math.min(ttl, r.getTTL());
                    }
                }
                if (!values.isEmpty()) {
                    DnsResult<T> result = new DnsResult.Records<>(values, dnssec);
                    cache.put(key, result, ttl);
                    return result;
                }
                if (cnameTarget == null) {
                    break;
                }
                current = cnameTarget;
            }
            if (!current.equals(qname) && rcode == Rcode.NOERROR && !hasNegativeProof(response)) {
                qname = current; // the server gave the CNAME but not its target: ask for the target
                continue;
            }
            long negativeTtl = negativeTtl(response);
            DnsResult<T> result = rcode == Rcode.NXDOMAIN
                    ? new DnsResult.NxDomain<>(dnssec) : new DnsResult.NoData<>(dnssec);
            cache.put(key, result, Math.min(ttl, negativeTtl));
            return result;
        }
        return new DnsResult.TempFailure<>("CNAME chain too long for " + rawName);
    }

    private static boolean hasNegativeProof(Message response) {
        return response.getSection(Section.AUTHORITY).stream().anyMatch(r -> r.getType() == Type.SOA);
    }

    /** RFC 2308 §5: negative answers live min(SOA TTL, SOA MINIMUM). */
    private static long negativeTtl(Message response) {
        for (Record r : response.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord soa) {
                return Math.min(soa.getTTL(), soa.getMinimum());
            }
        }
        return NEGATIVE_TTL_WITHOUT_SOA;
    }
}
