package dev.yubin.auth.dmarc;

import dev.yubin.auth.RawMessage;
import dev.yubin.auth.dkim.DkimResult;
import dev.yubin.auth.dkim.DkimSyntaxException;
import dev.yubin.auth.dmarc.DmarcRecord.Alignment;
import dev.yubin.auth.dmarc.DmarcRecord.Policy;
import dev.yubin.auth.dmarc.DmarcResult.Disposition;
import dev.yubin.auth.dmarc.DmarcResult.Status;
import dev.yubin.auth.spf.SpfResult;
import dev.yubin.dns.DnsResult;
import dev.yubin.dns.Resolver;
import dev.yubin.dns.TxtRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * DMARC evaluation (RFC 7489 §6.6): author domain, policy discovery with the organisational
 * domain fallback, SPF and DKIM identifier alignment, p/sp/pct. Thread-safe.
 */
public final class DmarcVerifier {

    /** The SPF outcome and the domain it authenticated (MAIL FROM domain, or HELO when MAIL FROM was null). */
    public record SpfEvidence(SpfResult result, String domain) {
    }

    private final Resolver resolver;
    private final PublicSuffixList suffixes;
    private final RandomGenerator random;

    public DmarcVerifier(Resolver resolver, PublicSuffixList suffixes, RandomGenerator random) {
        this.resolver = resolver;
        this.suffixes = suffixes;
        this.random = random;
    }

    public DmarcVerifier(Resolver resolver) {
        this(resolver, PublicSuffixList.bundled(), RandomGenerator.getDefault());
    }

    public DmarcResult evaluate(RawMessage message, SpfEvidence spf, List<DkimResult> dkim) {
        Author author = Author.of(message);
        if (author instanceof Author.Ambiguous a) {
            // RFC 7489 §6.6.1: our choice for messages without exactly one author domain is rejection
            return new DmarcResult(Status.PERMERROR, "", Optional.empty(), "", Policy.REJECT, Disposition.REJECT,
                    false, false, a.reason());
        }
        return evaluate(((Author.Single) author).domain(), spf, dkim);
    }

    public DmarcResult evaluate(String fromDomain, SpfEvidence spf, List<DkimResult> dkim) {
        String from = fromDomain.toLowerCase(Locale.ROOT);
        String org = suffixes.organizationalDomain(from);
        // RFC 7489 §6.6.3: the author domain first, then the organisational domain
        Lookup found = lookup(from);
        String recordDomain = from;
        if (found instanceof Lookup.Missing && !org.equals(from)) {
            found = lookup(org);
            recordDomain = org;
        }
        if (found instanceof Lookup.Failed f) {
            return new DmarcResult(Status.TEMPERROR, from, Optional.empty(), recordDomain, Policy.NONE,
                    Disposition.ACCEPT, false, false, f.reason());
        }
        if (found instanceof Lookup.Missing m) {
            return new DmarcResult(Status.NONE, from, Optional.empty(), "", Policy.NONE, Disposition.ACCEPT,
                    false, false, m.reason());
        }
        DmarcRecord record = ((Lookup.Found) found).record();
        boolean spfAligned = spf.result() instanceof SpfResult.Pass
                && aligned(spf.domain(), from, record.spfAlignment());
        boolean dkimAligned = dkim.stream().anyMatch(r -> r.isPass() && aligned(r.domain(), from, record.dkimAlignment()));
        if (spfAligned || dkimAligned) {
            return new DmarcResult(Status.PASS, from, Optional.of(record), recordDomain, Policy.NONE,
                    Disposition.ACCEPT, spfAligned, dkimAligned, "aligned " + (dkimAligned ? "dkim" : "spf"));
        }
        // RFC 7489 §6.6.3 step 5: sp= applies when the record came from the organisational domain
        Policy policy = !recordDomain.equals(from) && record.subdomainPolicy().isPresent()
                ? record.subdomainPolicy().get() : record.policy();
        Policy applied = record.percent() >= 100 || random.nextInt(100) < record.percent()
                ? policy : policy.weaker(); // RFC 7489 §6.6.4 pct= sampling
        Disposition d = switch (applied) {
            case NONE -> Disposition.ACCEPT;
            case QUARANTINE -> Disposition.QUARANTINE;
            case REJECT -> Disposition.REJECT;
        };
        return new DmarcResult(Status.FAIL, from, Optional.of(record), recordDomain, policy, d, false, false,
                "no aligned SPF or DKIM pass");
    }

    /** RFC 7489 §3.1: strict needs equal names; relaxed needs equal organisational domains. */
    public boolean aligned(String authenticated, String from, Alignment mode) {
        if (authenticated == null || authenticated.isEmpty()) {
            return false;
        }
        String a = strip(authenticated);
        String f = strip(from);
        if (mode == Alignment.STRICT) {
            return a.equals(f);
        }
        return suffixes.organizationalDomain(a).equals(suffixes.organizationalDomain(f));
    }

    private static String strip(String d) {
        String s = d.toLowerCase(Locale.ROOT);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private sealed interface Lookup {
        record Found(DmarcRecord record) implements Lookup {
        }

        record Missing(String reason) implements Lookup {
        }

        record Failed(String reason) implements Lookup {
        }
    }

    private Lookup lookup(String domain) {
        DnsResult<TxtRecord> txt = resolver.txt("_dmarc." + domain);
        if (txt instanceof DnsResult.TempFailure<TxtRecord> t) {
            return new Lookup.Failed("DNS error for _dmarc." + domain);
        }
        List<String> records = new ArrayList<>();
        for (TxtRecord r : txt.values()) {
            if (DmarcRecord.isDmarc1(r.text())) {
                records.add(r.text());
            }
        }
        if (records.size() != 1) {
            // RFC 7489 §6.6.3 step 4: several records mean no policy
            return new Lookup.Missing(records.isEmpty() ? "no DMARC record" : "several DMARC records at " + domain);
        }
        try {
            return new Lookup.Found(DmarcRecord.parse(records.get(0)));
        } catch (DkimSyntaxException e) {
            return new Lookup.Missing("invalid DMARC record at " + domain + ": " + e.getMessage());
        }
    }
}
