package dev.yubin.smtp.queue;

import dev.yubin.auth.mtasts.DaneMatcher;
import dev.yubin.auth.mtasts.MtaStsCache;
import dev.yubin.auth.mtasts.MtaStsPolicy;
import dev.yubin.dns.DnsResult;
import dev.yubin.dns.Resolver;
import dev.yubin.dns.TlsaRecord;
import dev.yubin.smtp.client.ClientSettings;
import dev.yubin.smtp.client.RequiredTls;
import dev.yubin.smtp.client.SmtpConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, for each MX host of a destination, how TLS must be used: DANE when the MX answer and
 * the host's TLSA records are DNSSEC-authenticated (RFC 7672), else the destination's MTA-STS
 * policy (RFC 8461), else opportunistic STARTTLS (RFC 7435). DANE takes precedence over MTA-STS
 * for a host with usable TLSA records (RFC 8461 §2).
 *
 * <p>Outcomes per host: {@link Skip} (do not use this host: not in an enforced MTA-STS policy,
 * or its TLSA lookup failed), {@link Opportunistic}, {@link Required} (STARTTLS with an
 * authenticated certificate, never plaintext), or {@link Testing} (as required, but a failure is
 * only logged and the message goes over an opportunistic connection). When every host is skipped or fails, the entry is
 * deferred like any temporary failure.
 */
public final class TransportSecurity {
    private static final Logger LOG = LoggerFactory.getLogger(TransportSecurity.class);

    /** Whether DANE is used for hosts with DNSSEC-authenticated TLSA records. */
    public enum Dane { ON, OFF }

    /** How to treat one host. */
    public sealed interface HostSecurity permits Skip, Opportunistic, Required, Testing {
        /**
         * Connects to the host as this decision says.
         *
         * @throws RequiredTls.TlsRequiredException when required TLS could not be established
         */
        default SmtpConnection open(InetSocketAddress address, String host, ClientSettings settings)
                throws IOException {
            return switch (this) {
                case Skip s -> throw new IllegalStateException("host skipped: " + s.reason());
                case Opportunistic o -> SmtpConnection.open(address, host, settings);
                case Required r -> SmtpConnection.open(address, host, settings, Optional.of(r.tls()));
                case Testing t -> t.openReporting(address, host, settings);
            };
        }
    }

    /** Do not connect to this host. */
    public record Skip(String reason) implements HostSecurity {
    }

    /** STARTTLS when offered, any certificate, plaintext otherwise. */
    public record Opportunistic() implements HostSecurity {
    }

    /** STARTTLS required with a certificate the policy accepts. */
    public record Required(RequiredTls tls) implements HostSecurity {
    }

    /**
     * MTA-STS testing mode (RFC 8461 §5): try as in enforce mode; when that fails, log the
     * failure and deliver anyway on a new, opportunistic connection.
     */
    public record Testing(RequiredTls tls, String destination) implements HostSecurity {
        SmtpConnection openReporting(InetSocketAddress address, String host, ClientSettings settings)
                throws IOException {
            try {
                return SmtpConnection.open(address, host, settings, Optional.of(tls));
            } catch (RequiredTls.TlsRequiredException e) {
                LOG.info("event=mta_sts.testing_violation dest={} host={} reason=\"{}\"", destination, host,
                        e.getMessage());
                return SmtpConnection.open(address, host, settings);
            }
        }
    }

    private final Resolver resolver;
    private final Optional<MtaStsCache> mtaSts;
    private final Dane dane;
    private final X509TrustManager pkix;
    private final Clock clock;

    /**
     * @param resolver a resolver whose AD bit is trustworthy (a validating resolver on a trusted path)
     * @param mtaSts the policy cache; empty = MTA-STS off
     * @param pkix the trust store for MTA-STS certificate validation ({@link #systemTrust()})
     */
    public TransportSecurity(Resolver resolver, Optional<MtaStsCache> mtaSts, Dane dane, X509TrustManager pkix,
                             Clock clock) {
        this.resolver = resolver;
        this.mtaSts = mtaSts;
        this.dane = dane;
        this.pkix = pkix;
        this.clock = clock;
    }

    /** No MTA-STS, no DANE: opportunistic STARTTLS everywhere. */
    public static TransportSecurity none() {
        return new TransportSecurity(null, Optional.empty(), Dane.OFF, null, Clock.systemUTC());
    }

    /** The JDK's default PKIX trust manager (the {@code cacerts} trust store). */
    public static X509TrustManager systemTrust() {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init((KeyStore) null);
            for (TrustManager t : f.getTrustManagers()) {
                if (t instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no default trust store", e);
        }
    }

    /** The decisions for one destination; looks up the MX DNSSEC state once, the MTA-STS policy when needed. */
    public Plan plan(Destination destination) {
        return new Plan(destination);
    }

    /** Per-destination decisions (one delivery attempt). */
    public final class Plan {
        private final Destination destination;
        private final boolean mxSecure;
        private Optional<MtaStsPolicy> policy;

        private Plan(Destination destination) {
            this.destination = destination;
            // RFC 7672 §2.2.1: DANE only when the MX lookup (or the implicit MX's absence) is authenticated
            this.mxSecure = dane == Dane.ON && !destination.isAddressLiteral()
                    && resolver.mx(destination.name()).isSecure();
        }

        public HostSecurity decide(Route.Host host) {
            if (destination.isAddressLiteral()) {
                return new Opportunistic();
            }
            Optional<HostSecurity> byDane = dane(host.name());
            if (byDane.isPresent()) {
                return byDane.get(); // RFC 8461 §2: DANE takes precedence over MTA-STS
            }
            return mtaSts(host.name());
        }

        private Optional<HostSecurity> dane(String mx) {
            if (!mxSecure) {
                return Optional.empty();
            }
            // RFC 7672 §2.2.2: TLSA records are looked up only for a host whose addresses are authenticated
            DnsResult<InetAddress> a = resolver.a(mx);
            DnsResult<InetAddress> aaaa = resolver.aaaa(mx);
            if (!(a instanceof DnsResult.Records<InetAddress> && a.isSecure())
                    && !(aaaa instanceof DnsResult.Records<InetAddress> && aaaa.isSecure())) {
                return Optional.empty();
            }
            String owner = "_25._tcp." + mx; // RFC 7672 §2.2.3
            DnsResult<TlsaRecord> tlsa = resolver.tlsa(owner);
            if (tlsa instanceof DnsResult.TempFailure<TlsaRecord> t) {
                // RFC 7672 §2.2: a failed TLSA lookup makes the host unusable, never a downgrade
                return Optional.of(new Skip("TLSA lookup for " + owner + " failed: " + t.reason()));
            }
            if (!(tlsa instanceof DnsResult.Records<TlsaRecord> r) || !tlsa.isSecure()) {
                return Optional.empty();
            }
            if (!DaneMatcher.hasUsable(r.values())) {
                // RFC 7672 §2.2: TLSA records exist but none is usable: TLS is mandatory, unauthenticated
                LOG.debug("event=transport.dane dest={} host={} tlsa=unusable", destination, mx);
                return Optional.of(new Required(new RequiredTls("DANE (unusable TLSA, unauthenticated)",
                        DaneTrustManager.anyCertificate(mx, clock), RequiredTls.NameCheck.TRUST_MANAGER)));
            }
            LOG.debug("event=transport.dane dest={} host={} tlsa={}", destination, mx, r.values().size());
            return Optional.of(new Required(new RequiredTls("DANE", new DaneTrustManager(r.values(), mx, clock),
                    RequiredTls.NameCheck.TRUST_MANAGER)));
        }

        private HostSecurity mtaSts(String mx) {
            if (mtaSts.isEmpty()) {
                return new Opportunistic();
            }
            if (policy == null) {
                policy = mtaSts.get().policy(destination.name());
            }
            if (policy.isEmpty()) {
                return new Opportunistic();
            }
            MtaStsPolicy p = policy.get();
            switch (p.mode()) {
                case NONE -> {
                    return new Opportunistic();
                }
                case TESTING -> {
                    if (!p.permits(mx)) {
                        // RFC 8461 §5: testing mode reports, never blocks
                        LOG.info("event=mta_sts.testing_violation dest={} host={} reason=mx_not_in_policy",
                                destination, mx);
                        return new Opportunistic();
                    }
                    return new Testing(new RequiredTls("MTA-STS testing", pkix, RequiredTls.NameCheck.HOST_NAME),
                            destination.name());
                }
                default -> {
                    if (!p.permits(mx)) {
                        // RFC 8461 §4.1: in enforce mode, an MX not in the policy is not used
                        return new Skip("MX host " + mx + " is not in the MTA-STS policy of " + destination);
                    }
                    // RFC 8461 §4.2: STARTTLS with a PKIX-valid certificate for the MX host name
                    return new Required(new RequiredTls("MTA-STS", pkix, RequiredTls.NameCheck.HOST_NAME));
                }
            }
        }
    }
}
