package dev.yubin.auth.dkim;

import dev.yubin.auth.HeaderField;
import dev.yubin.auth.RawMessage;
import dev.yubin.auth.dkim.DkimResult.Status;
import dev.yubin.dns.Resolver;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DKIM verification (RFC 6376 §6) of every DKIM-Signature of a message, with Ed25519-SHA256
 * (RFC 8463) and the RFC 8301 rules: rsa-sha1 and RSA keys under 1024 bits never pass.
 * Thread-safe.
 */
public final class DkimVerifier {

    /** Limits: signatures examined per message, minimum RSA key size. */
    public record Limits(int maxSignatures, int minRsaBits) {
        public static final Limits DEFAULT = new Limits(10, 1024);

        public Limits {
            if (maxSignatures < 1 || minRsaBits < 1024) {
                throw new IllegalArgumentException("at least one signature and RSA >= 1024 bits (RFC 8301 §3.2)");
            }
        }
    }

    private final Resolver resolver;
    private final Clock clock;
    private final Limits limits;

    public DkimVerifier(Resolver resolver, Clock clock, Limits limits) {
        this.resolver = resolver;
        this.clock = clock;
        this.limits = limits;
    }

    public DkimVerifier(Resolver resolver) {
        this(resolver, Clock.systemUTC(), Limits.DEFAULT);
    }

    /** Verifies every DKIM-Signature, top to bottom; an empty list means "dkim=none". */
    public List<DkimResult> verify(RawMessage message) {
        List<DkimResult> results = new ArrayList<>();
        Map<String, byte[]> bodyHashes = new HashMap<>();
        for (HeaderField field : message.headers("DKIM-Signature")) {
            if (results.size() >= limits.maxSignatures()) {
                break;
            }
            DkimSignature sig;
            try {
                sig = DkimSignature.parse(field);
            } catch (DkimSyntaxException e) {
                results.add(DkimResult.unparsed(e.getMessage()));
                continue;
            }
            results.add(verify(message, sig, bodyHashes));
        }
        return results;
    }

    private DkimResult verify(RawMessage message, DkimSignature sig, Map<String, byte[]> bodyHashCache) {
        if (sig.algorithm() == DkimAlgorithm.RSA_SHA1) {
            return DkimResult.of(Status.PERMERROR, sig, "rsa-sha1 is not accepted (RFC 8301)", false);
        }
        long now = clock.instant().getEpochSecond();
        if (sig.expiration().isPresent() && sig.expiration().getAsLong() < now) {
            return DkimResult.of(Status.PERMERROR, sig, "signature expired", false); // RFC 6376 §3.5 x=
        }
        DkimKeyRecord key;
        switch (DkimKeyLookup.fetch(resolver, sig.keyName(), sig.algorithm(), limits.minRsaBits())) {
            case DkimKeyLookup.Unusable u -> {
                return DkimResult.of(u.status(), sig, u.reason(), u.testing());
            }
            case DkimKeyLookup.Usable u -> key = u.key();
        }
        boolean testing = key.testing();
        if (key.strictIdentity() && !sig.identityDomain().equals(sig.domain())) {
            return DkimResult.of(Status.PERMERROR, sig, "key t=s forbids i= subdomains", testing); // RFC 6376 §3.6.1 t=s
        }
        byte[] canonicalBody = bodyHashCache.computeIfAbsent(sig.bodyCanonicalization().tag(),
                c -> sig.bodyCanonicalization().body(message.body()));
        long signedLength = canonicalBody.length;
        if (sig.bodyLength().isPresent()) {
            if (sig.bodyLength().getAsLong() > canonicalBody.length) {
                return DkimResult.of(Status.PERMERROR, sig, "l= exceeds the body length", testing); // RFC 6376 §3.5 l=
            }
            signedLength = sig.bodyLength().getAsLong();
        }
        byte[] bh = DkimCrypto.sha256(canonicalBody, (int) signedLength);
        if (!MessageDigest.isEqual(bh, sig.bodyHash())) {
            return DkimResult.of(Status.FAIL, sig, "body hash does not match", testing); // RFC 6376 §6.1.3
        }
        byte[] headerData = DkimHeaderHash.signedData(message.headers(), sig.signedHeaders(),
                sig.headerCanonicalization(), sig.field());
        if (!DkimCrypto.verify(sig.algorithm(), key.publicKey().get(), headerData, sig.signature())) {
            return DkimResult.of(Status.FAIL, sig, "signature does not verify", testing);
        }
        if (signedLength < canonicalBody.length) {
            // RFC 6376 §8.2: content after l= is not covered; we do not trust such a message
            return DkimResult.of(Status.POLICY, sig, "body has " + (canonicalBody.length - signedLength)
                    + " unsigned octets after l=", testing);
        }
        return DkimResult.of(Status.PASS, sig, "", testing);
    }
}
