package dev.yubin.auth.spf;

import dev.yubin.auth.spf.SpfRecord.Directive;
import dev.yubin.dns.DnsNames;
import dev.yubin.dns.DnsResult;
import dev.yubin.dns.Resolver;
import dev.yubin.dns.TxtRecord;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SPF verification: {@code check_host()} of RFC 7208 §4 for the MAIL FROM identity, or for the
 * HELO identity when MAIL FROM is null (RFC 7208 §2.4). All mechanisms, the redirect and exp
 * modifiers, macros (§7), and the processing limits (§4.6.4) are implemented. Thread-safe; one
 * instance serves every SMTP session.
 */
public final class SpfVerifier {

    private final Resolver resolver;
    private final SpfLimits limits;
    private final String receivingHost;
    private final Clock clock;

    public SpfVerifier(Resolver resolver, SpfLimits limits) {
        this(resolver, limits, "unknown", Clock.systemUTC());
    }

    /** @param receivingHost our host name for the %{r} macro of explanations */
    public SpfVerifier(Resolver resolver, SpfLimits limits, String receivingHost, Clock clock) {
        this.resolver = resolver;
        this.limits = limits;
        this.receivingHost = receivingHost;
        this.clock = clock;
    }

    /**
     * Checks the MAIL FROM identity; when {@code mailFromOrEmpty} is empty (null reverse-path),
     * checks {@code postmaster@helo} instead (RFC 7208 §2.4).
     */
    public SpfResult check(InetAddress ip, String mailFromOrEmpty, String helo) {
        String sender = mailFromOrEmpty == null || mailFromOrEmpty.isEmpty() ? "postmaster@" + helo : mailFromOrEmpty;
        int at = sender.lastIndexOf('@');
        String local = at < 0 ? "postmaster" : sender.substring(0, at);
        String domain = at < 0 ? sender : sender.substring(at + 1);
        if (local.isEmpty()) {
            local = "postmaster"; // RFC 7208 §4.3
        }
        return checkHost(ip, local, domain, helo);
    }

    /** Checks the HELO identity alone (RFC 7208 §2.3). */
    public SpfResult checkHelo(InetAddress ip, String helo) {
        return checkHost(ip, "postmaster", helo, helo);
    }

    private SpfResult checkHost(InetAddress ip, String local, String domain, String helo) {
        String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        // RFC 7208 §4.3: a malformed domain or one that is not a multi-label FQDN gives "none"
        if (d.indexOf('.') < 0 || d.startsWith("[") || DnsNames.queryable(d).isEmpty()) {
            return new SpfResult.None("invalid domain " + domain);
        }
        SpfEvaluation evaluation = new SpfEvaluation(IpAddresses.normalise(ip), local, d, helo,
                System.nanoTime() + limits.timeLimit().toNanos());
        try {
            return evaluation.checkHost(d, Role.TOP);
        } catch (Abort a) {
            return a.result;
        }
    }

    /** Whether a check_host() call is the one whose result is reported (explanations apply) or an include. */
    private enum Role { TOP, INCLUDED }

    /** Ends the evaluation with temperror or permerror. */
    private static final class Abort extends Exception {
        final SpfResult result;

        Abort(SpfResult result) {
            super(result.mechanism(), null, false, false);
            this.result = result;
        }
    }

    /** State of one check: the lookup counters are shared by every nested check_host(). */
    private final class SpfEvaluation {
        private final InetAddress ip;
        private final String local;
        private final String senderDomain;
        private final String helo;
        private final Resolver resolver;
        private int dnsMechanisms;
        private int voidLookups;

        SpfEvaluation(InetAddress ip, String local, String senderDomain, String helo, long deadlineNanos) {
            this.ip = ip;
            this.local = local;
            this.senderDomain = senderDomain;
            this.helo = helo;
            this.resolver = new DeadlineResolver(SpfVerifier.this.resolver, deadlineNanos);
        }

        SpfResult checkHost(String domain, Role role) throws Abort {
            DnsResult<TxtRecord> txt = resolver.txt(domain);
            if (txt instanceof DnsResult.TempFailure<TxtRecord> t) {
                throw new Abort(new SpfResult.TempError("DNS error looking up SPF of " + domain)); // RFC 7208 §4.4
            }
            List<String> spf = new ArrayList<>();
            for (TxtRecord r : txt.values()) {
                if (SpfRecord.isSpf1(r.text())) {
                    spf.add(r.text());
                }
            }
            if (spf.isEmpty()) {
                return new SpfResult.None("no SPF record at " + domain); // RFC 7208 §4.5
            }
            if (spf.size() > 1) {
                throw new Abort(new SpfResult.PermError("several SPF records at " + domain)); // RFC 7208 §4.5
            }
            SpfRecord record;
            try {
                record = SpfRecord.parse(spf.get(0));
            } catch (SpfSyntaxException e) {
                throw new Abort(new SpfResult.PermError(e.getMessage() + " (" + domain + ")"));
            }
            for (Directive directive : record.directives()) {
                if (matches(directive.mechanism(), domain)) {
                    return switch (directive.qualifier()) {
                        case PASS -> new SpfResult.Pass(directive.text());
                        case FAIL -> new SpfResult.Fail(directive.text(),
                                role == Role.TOP ? explain(record, domain) : Optional.empty());
                        case SOFTFAIL -> new SpfResult.SoftFail(directive.text());
                        case NEUTRAL -> new SpfResult.Neutral(directive.text());
                    };
                }
            }
            if (record.redirect().isPresent()) {
                countDnsMechanism(); // RFC 7208 §4.6.4: redirect counts
                String target = targetName(record.redirect().get(), domain);
                SpfResult result = checkHost(target, role);
                if (result instanceof SpfResult.None) {
                    throw new Abort(new SpfResult.PermError("redirect to " + target + " without SPF record")); // RFC 7208 §6.1
                }
                return result;
            }
            return new SpfResult.Neutral("default"); // RFC 7208 §4.7
        }

        private boolean matches(SpfRecord.Mechanism mechanism, String domain) throws Abort {
            return switch (mechanism) {
                case SpfRecord.All all -> true;
                case SpfRecord.Ip ipm -> IpAddresses.inNetwork(ip.getAddress(), ipm.network(), ipm.prefix());
                case SpfRecord.Include inc -> {
                    countDnsMechanism();
                    String target = targetName(inc.domain(), domain);
                    SpfResult r = checkHost(target, Role.INCLUDED);
                    yield switch (r) { // RFC 7208 §5.2 table
                        case SpfResult.Pass p -> true;
                        case SpfResult.Fail f -> false;
                        case SpfResult.SoftFail s -> false;
                        case SpfResult.Neutral n -> false;
                        case SpfResult.TempError t -> throw new Abort(t);
                        case SpfResult.PermError p -> throw new Abort(p);
                        case SpfResult.None n -> throw new Abort(new SpfResult.PermError("include:" + target + " has no SPF record"));
                    };
                }
                case SpfRecord.A a -> {
                    countDnsMechanism();
                    String target = a.domain().isPresent() ? targetName(a.domain().get(), domain) : domain;
                    yield matchAddresses(addresses(target, true), a.cidr4(), a.cidr6());
                }
                case SpfRecord.Mx mx -> {
                    countDnsMechanism();
                    yield matchMx(mx, domain);
                }
                case SpfRecord.Ptr ptr -> {
                    countDnsMechanism();
                    String target = ptr.domain().isPresent() ? targetName(ptr.domain().get(), domain) : domain;
                    yield validatedNames(true).stream().anyMatch(n -> isSameOrSubdomain(n, target)); // RFC 7208 §5.5
                }
                case SpfRecord.Exists ex -> {
                    countDnsMechanism();
                    String target = targetName(ex.domain(), domain);
                    DnsResult<InetAddress> r = resolver.a(target); // RFC 7208 §5.7: always an A query
                    yield !checked(r, target).isEmpty();
                }
            };
        }

        private boolean matchMx(SpfRecord.Mx mx, String domain) throws Abort {
            String target = mx.domain().isPresent() ? targetName(mx.domain().get(), domain) : domain;
            DnsResult<dev.yubin.dns.MxRecord> r = resolver.mx(target);
            List<dev.yubin.dns.MxRecord> hosts = checked(r, target);
            if (hosts.size() > limits.maxMxNames()) {
                throw new Abort(new SpfResult.PermError("more than " + limits.maxMxNames() + " MX records at " + target)); // RFC 7208 §4.6.4
            }
            for (dev.yubin.dns.MxRecord host : hosts) {
                if (host.isNullMx()) {
                    continue;
                }
                if (matchAddresses(addresses(host.host(), false), mx.cidr4(), mx.cidr6())) {
                    return true;
                }
            }
            return false;
        }

        /** A or AAAA records of {@code name} for the family of the client address. */
        private List<InetAddress> addresses(String name, boolean countVoid) throws Abort {
            DnsResult<InetAddress> r = ip.getAddress().length == 4 ? resolver.a(name) : resolver.aaaa(name);
            if (r instanceof DnsResult.TempFailure<InetAddress>) {
                throw new Abort(new SpfResult.TempError("DNS error looking up " + name)); // RFC 7208 §5
            }
            if (countVoid && r.isEmptyAnswer()) {
                countVoidLookup();
            }
            return r.values();
        }

        private boolean matchAddresses(List<InetAddress> addresses, int cidr4, int cidr6) {
            byte[] mine = ip.getAddress();
            int prefix = mine.length == 4 ? cidr4 : cidr6;
            for (InetAddress a : addresses) {
                if (IpAddresses.inNetwork(mine, a.getAddress(), prefix)) {
                    return true;
                }
            }
            return false;
        }

        /** Values of a mechanism's own lookup: temperror on failure, counts void answers. */
        private <T> List<T> checked(DnsResult<T> r, String name) throws Abort {
            if (r instanceof DnsResult.TempFailure<T>) {
                throw new Abort(new SpfResult.TempError("DNS error looking up " + name)); // RFC 7208 §5
            }
            if (r.isEmptyAnswer()) {
                countVoidLookup();
            }
            return r.values();
        }

        /** RFC 7208 §5.5: names from PTR whose A/AAAA records include the client address. */
        private List<String> validatedNames(boolean countVoid) throws Abort {
            DnsResult<String> ptr = resolver.ptr(ip);
            if (ptr instanceof DnsResult.TempFailure<String>) {
                return List.of(); // RFC 7208 §5.5: a DNS error makes ptr not match
            }
            if (countVoid && ptr.isEmptyAnswer()) {
                countVoidLookup();
            }
            List<String> validated = new ArrayList<>();
            List<String> names = ptr.values();
            for (String name : names.subList(0, Math.min(names.size(), limits.maxPtrNames()))) {
                DnsResult<InetAddress> r = ip.getAddress().length == 4 ? resolver.a(name) : resolver.aaaa(name);
                if (r.values().contains(ip)) { // errors skip the name (RFC 7208 §5.5)
                    validated.add(name);
                }
            }
            return validated;
        }

        private String targetName(MacroString spec, String domain) throws Abort {
            return MacroString.truncateDomain(spec.expand(letter -> macroValue(letter, domain)));
        }

        private String macroValue(char letter, String domain) {
            return switch (letter) {
                case 's' -> local + "@" + senderDomain;
                case 'l' -> local;
                case 'o' -> senderDomain;
                case 'd' -> domain;
                case 'i' -> IpAddresses.dotted(ip);
                case 'c' -> IpAddresses.compact(ip);
                case 'v' -> ip.getAddress().length == 4 ? "in-addr" : "ip6";
                case 'h' -> helo;
                case 'r' -> receivingHost;
                case 't' -> Long.toString(clock.instant().getEpochSecond());
                case 'p' -> pValue(domain);
                default -> throw new IllegalStateException("unvalidated macro letter " + letter);
            };
        }

        /** RFC 7208 §7.3: the validated name equal to, else under, the domain; else any; else "unknown". */
        private String pValue(String domain) {
            List<String> names;
            try {
                names = validatedNames(false);
            } catch (Abort e) {
                return "unknown";
            }
            for (String n : names) {
                if (n.equalsIgnoreCase(domain)) {
                    return n;
                }
            }
            for (String n : names) {
                if (isSameOrSubdomain(n, domain)) {
                    return n;
                }
            }
            return names.isEmpty() ? "unknown" : names.get(0);
        }

        /** RFC 7208 §6.2: the exp= text, or empty when it cannot be had; never counts toward limits. */
        private Optional<String> explain(SpfRecord record, String domain) {
            if (record.explanation().isEmpty()) {
                return Optional.empty();
            }
            String target;
            try {
                target = targetName(record.explanation().get(), domain);
            } catch (Abort e) {
                return Optional.empty();
            }
            List<TxtRecord> txt = resolver.txt(target).values();
            if (txt.size() != 1) {
                return Optional.empty();
            }
            String text = txt.get(0).text();
            try {
                MacroString ms = MacroString.parse(text, MacroString.Use.EXPLANATION);
                return Optional.of(ms.expand(letter -> macroValue(letter, domain)));
            } catch (SpfSyntaxException e) {
                return Optional.empty();
            }
        }

        private void countDnsMechanism() throws Abort {
            if (++dnsMechanisms > limits.maxDnsMechanisms()) {
                throw new Abort(new SpfResult.PermError("more than " + limits.maxDnsMechanisms() + " DNS lookups")); // RFC 7208 §4.6.4
            }
        }

        private void countVoidLookup() throws Abort {
            if (++voidLookups > limits.maxVoidLookups()) {
                throw new Abort(new SpfResult.PermError("more than " + limits.maxVoidLookups() + " void lookups")); // RFC 7208 §4.6.4
            }
        }
    }

    private static boolean isSameOrSubdomain(String name, String domain) {
        String n = name.toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return n.equals(d) || n.endsWith("." + d);
    }
}
