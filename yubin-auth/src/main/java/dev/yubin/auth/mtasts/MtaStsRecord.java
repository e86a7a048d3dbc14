package dev.yubin.auth.mtasts;

import dev.yubin.dns.DnsResult;
import dev.yubin.dns.Resolver;
import dev.yubin.dns.TxtRecord;
import java.util.ArrayList;
import java.util.List;

/** The {@code _mta-sts.DOMAIN} TXT record (RFC 8461 §3.1): it announces a policy and its id. */
public record MtaStsRecord(String id) {

    public MtaStsRecord {
        if (!id.matches("[A-Za-z0-9]{1,32}")) {
            throw new IllegalArgumentException("MTA-STS id must be 1..32 letters and digits");
        }
    }

    /** What the TXT lookup says. */
    public sealed interface Lookup permits Found, Absent, Failed {
    }

    public record Found(MtaStsRecord record) implements Lookup {
    }

    /** No usable record: the domain has no MTA-STS policy (or several records, RFC 8461 §3.1). */
    public record Absent() implements Lookup {
    }

    /** DNS failed temporarily: use a cached policy if there is one (RFC 8461 §5.1). */
    public record Failed(String reason) implements Lookup {
    }

    public static Lookup lookup(Resolver resolver, String domain) {
        DnsResult<TxtRecord> txt = resolver.txt("_mta-sts." + domain);
        if (txt instanceof DnsResult.TempFailure<TxtRecord> t) {
            return new Failed(t.reason());
        }
        List<MtaStsRecord> records = new ArrayList<>();
        for (TxtRecord r : txt.values()) {
            parse(r.text()).ifPresent(records::add);
        }
        return records.size() == 1 ? new Found(records.get(0)) : new Absent();
    }

    /** Parses "v=STSv1; id=...": v= first, fields separated by ';' (RFC 8461 §3.1). */
    public static java.util.Optional<MtaStsRecord> parse(String text) {
        String[] fields = text.split(";");
        if (fields.length == 0 || !fields[0].strip().equals("v=STSv1")) {
            return java.util.Optional.empty();
        }
        for (int i = 1; i < fields.length; i++) {
            String f = fields[i].strip();
            if (f.startsWith("id=") && f.substring(3).matches("[A-Za-z0-9]{1,32}")) {
                return java.util.Optional.of(new MtaStsRecord(f.substring(3)));
            }
        }
        return java.util.Optional.empty();
    }
}
