package dev.yubin.app;

import dev.yubin.app.config.Catalogue;
import dev.yubin.app.config.Config;
import dev.yubin.app.config.ConfigException;
import dev.yubin.auth.mtasts.MtaStsPolicy;
import dev.yubin.auth.publish.DomainSetup;
import dev.yubin.core.Domain;
import dev.yubin.store.Directory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Our own MTA-STS policy (RFC 8461 §3.2) from the {@code mta-sts.*} settings: the same text is
 * served by the HTTP listener for {@code mta-sts.DOMAIN} and announced by {@code yubin dns DOMAIN}
 * (its TXT id is derived from the text, so it changes whenever the policy does, RFC 8461 §3.1).
 */
public final class MtaStsPublishing {
    private static final String ALL = "*";

    private final MtaStsPolicy policy;
    private final Optional<Set<String>> domains;

    private MtaStsPublishing(MtaStsPolicy policy, Optional<Set<String>> domains) {
        this.policy = policy;
        this.domains = domains;
    }

    /** Reads {@code mta-sts.mode}, {@code mta-sts.max-age}, {@code mta-sts.mx} (default: {@code hostname}) and {@code mta-sts.domains}. */
    public static MtaStsPublishing from(Config config, String hostname) {
        MtaStsPolicy.Mode mode;
        try {
            mode = MtaStsPolicy.Mode.valueOf(config.string(Catalogue.MTA_STS_MODE).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid value for 'mta-sts.mode': expected testing, enforce or none, got '"
                    + config.string(Catalogue.MTA_STS_MODE) + "'");
        }
        long maxAge = config.duration(Catalogue.MTA_STS_MAX_AGE).toSeconds();
        if (maxAge < 1 || maxAge > MtaStsPolicy.MAX_AGE_LIMIT) {
            throw new ConfigException("invalid value for 'mta-sts.max-age': between 1s and 365d (RFC 8461 §3.2)");
        }
        List<String> mx = split(config.string(Catalogue.MTA_STS_MX));
        String domainList = config.string(Catalogue.MTA_STS_DOMAINS).strip();
        Optional<Set<String>> domains = domainList.equals(ALL) ? Optional.empty()
                : Optional.of(split(domainList).stream().map(d -> Domain.parse(d).name()).collect(Collectors.toSet()));
        return new MtaStsPublishing(new MtaStsPolicy(mode, mx.isEmpty() ? List.of(hostname.toLowerCase(Locale.ROOT)) : mx,
                maxAge), domains);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .toList();
    }

    /** Whether {@code domain} (A-label) is configured to publish a policy (the caller checks it is local). */
    public boolean publishes(String domain) {
        return domains.map(s -> s.contains(domain)).orElse(true);
    }

    /** The policy text served at https://mta-sts.DOMAIN/.well-known/mta-sts.txt. */
    public String policyText() {
        return policy.text();
    }

    /** The id for the {@code _mta-sts} TXT record: derived from the policy text. */
    public String policyId() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(policyText().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mode as {@code yubin dns} names it; NONE for a domain that does not publish. */
    public DomainSetup.MtaStsMode mode(String domain) {
        return publishes(domain) ? DomainSetup.MtaStsMode.valueOf(policy.mode().name()) : DomainSetup.MtaStsMode.NONE;
    }

    /** The policy text for a request naming {@code domain}: only local domains that publish. */
    public Optional<String> policyFor(String domain, Directory directory) {
        Domain d;
        try {
            d = Domain.parse(domain);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return publishes(d.name()) && directory.isLocalDomain(d) ? Optional.of(policyText()) : Optional.empty();
    }
}
