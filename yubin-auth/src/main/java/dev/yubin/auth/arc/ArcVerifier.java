package dev.yubin.auth.arc;

import dev.yubin.auth.HeaderField;
import dev.yubin.auth.RawMessage;
import dev.yubin.auth.dkim.Canonicalization;
import dev.yubin.auth.dkim.DkimAlgorithm;
import dev.yubin.auth.dkim.DkimCrypto;
import dev.yubin.auth.dkim.DkimHeaderHash;
import dev.yubin.auth.dkim.DkimKeyLookup;
import dev.yubin.auth.dkim.DkimSyntaxException;
import dev.yubin.auth.dkim.TagList;
import dev.yubin.dns.Resolver;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ARC chain validation (RFC 8617 §5.2): structure, the most recent ARC-Message-Signature, and
 * every ARC-Seal from the newest to the oldest. Thread-safe.
 */
public final class ArcVerifier {

    private final Resolver resolver;
    private final int minRsaBits;

    public ArcVerifier(Resolver resolver, int minRsaBits) {
        this.resolver = resolver;
        this.minRsaBits = minRsaBits;
    }

    public ArcVerifier(Resolver resolver) {
        this(resolver, 1024);
    }

    public ArcResult verify(RawMessage message) {
        List<ArcSet> sets;
        try {
            sets = ArcSet.collect(message);
        } catch (DkimSyntaxException e) {
            return ArcResult.fail(0, e.getMessage(), "");
        }
        if (sets.isEmpty()) {
            return ArcResult.none(); // RFC 8617 §5.2 step 1
        }
        int n = sets.size();
        ArcSet last = sets.get(n - 1);
        String sealer = "";
        try {
            Map<String, String> lastSeal = TagList.parse(last.seal().rawValue());
            sealer = lastSeal.getOrDefault("d", "").toLowerCase(Locale.ROOT);
            if ("fail".equalsIgnoreCase(lastSeal.get("cv"))) {
                return ArcResult.fail(n, "chain already failed at i=" + n, sealer); // RFC 8617 §5.2 step 2
            }
            for (ArcSet s : sets) {
                String cv = TagList.parse(s.seal().rawValue()).getOrDefault("cv", "").toLowerCase(Locale.ROOT);
                String expected = s.instance() == 1 ? "none" : "pass"; // RFC 8617 §5.2 step 3
                if (!cv.equals(expected)) {
                    return ArcResult.fail(n, "ARC-Seal i=" + s.instance() + " has cv=" + cv, sealer);
                }
            }
            String amsProblem = verifyMessageSignature(message, last.messageSignature()); // RFC 8617 §5.2 step 4
            if (!amsProblem.isEmpty()) {
                return ArcResult.fail(n, "ARC-Message-Signature i=" + n + ": " + amsProblem, sealer);
            }
            for (int i = n; i >= 1; i--) { // RFC 8617 §5.2 step 6
                String sealProblem = verifySeal(sets, i);
                if (!sealProblem.isEmpty()) {
                    return ArcResult.fail(n, "ARC-Seal i=" + i + ": " + sealProblem, sealer);
                }
            }
        } catch (DkimSyntaxException e) {
            return ArcResult.fail(n, e.getMessage(), sealer);
        }
        String results = last.results().value();
        int semicolon = results.indexOf(';');
        // the AAR is "i=N; authserv-id; results": skip the instance and the authserv-id
        int second = semicolon < 0 ? -1 : results.indexOf(';', semicolon + 1);
        return new ArcResult(ArcResult.Status.PASS, n, "", sealer, second < 0 ? "" : results.substring(second + 1).strip());
    }

    /** "" when the AMS verifies, else the problem. */
    private String verifyMessageSignature(RawMessage message, HeaderField ams) throws DkimSyntaxException {
        Map<String, String> t = TagList.parse(ams.rawValue());
        for (String required : List.of("a", "b", "bh", "d", "h", "s")) {
            if (!t.containsKey(required)) {
                throw new DkimSyntaxException("AMS without " + required + "=");
            }
        }
        DkimAlgorithm alg = algorithm(t.get("a"));
        Canonicalization hc = Canonicalization.SIMPLE;
        Canonicalization bc = Canonicalization.SIMPLE;
        if (t.containsKey("c")) {
            String[] c = t.get("c").split("/", -1);
            hc = Canonicalization.fromTag(c[0].strip());
            bc = c.length > 1 ? Canonicalization.fromTag(c[1].strip()) : Canonicalization.SIMPLE;
        }
        List<String> names = Arrays.stream(t.get("h").split(":")).map(h -> TagList.compact(h).toLowerCase(Locale.ROOT)).toList();
        if (names.contains("arc-seal")) {
            throw new DkimSyntaxException("AMS must not sign ARC-Seal"); // RFC 8617 §4.1.2
        }
        byte[] body = bc.body(message.body());
        byte[] bh = DkimCrypto.sha256(body, body.length);
        if (!MessageDigest.isEqual(bh, decode(t.get("bh")))) {
            return "body hash does not match";
        }
        PublicKey key = key(t, alg);
        if (key == null) {
            return "no usable key at " + t.get("s") + "._domainkey." + t.get("d");
        }
        byte[] data = DkimHeaderHash.signedData(message.headers(), names, hc, ams);
        return DkimCrypto.verify(alg, key, data, decode(t.get("b"))) ? "" : "signature does not verify";
    }

    private String verifySeal(List<ArcSet> sets, int instance) throws DkimSyntaxException {
        HeaderField seal = sets.get(instance - 1).seal();
        Map<String, String> t = TagList.parse(seal.rawValue());
        for (String required : List.of("a", "b", "d", "s", "cv")) {
            if (!t.containsKey(required)) {
                throw new DkimSyntaxException("ARC-Seal without " + required + "=");
            }
        }
        if (t.containsKey("h")) {
            throw new DkimSyntaxException("ARC-Seal must not have h="); // RFC 8617 §4.1.3
        }
        DkimAlgorithm alg = algorithm(t.get("a"));
        PublicKey key = key(t, alg);
        if (key == null) {
            return "no usable key at " + t.get("s") + "._domainkey." + t.get("d");
        }
        return DkimCrypto.verify(alg, key, ArcSet.sealedData(sets, instance), decode(t.get("b")))
                ? "" : "seal does not verify";
    }

    private PublicKey key(Map<String, String> t, DkimAlgorithm alg) {
        String name = t.get("s").toLowerCase(Locale.ROOT) + "._domainkey." + t.get("d").toLowerCase(Locale.ROOT);
        return switch (DkimKeyLookup.fetch(resolver, name, alg, minRsaBits)) {
            case DkimKeyLookup.Usable u -> u.key().publicKey().orElse(null);
            case DkimKeyLookup.Unusable u -> null;
        };
    }

    private static DkimAlgorithm algorithm(String a) throws DkimSyntaxException {
        DkimAlgorithm alg = DkimAlgorithm.fromTag(a).orElseThrow(() -> new DkimSyntaxException("unknown a=" + a));
        if (alg == DkimAlgorithm.RSA_SHA1) {
            throw new DkimSyntaxException("rsa-sha1 is not accepted (RFC 8301)");
        }
        return alg;
    }

    private static byte[] decode(String b64) throws DkimSyntaxException {
        try {
            return Base64.getDecoder().decode(TagList.compact(b64));
        } catch (IllegalArgumentException e) {
            throw new DkimSyntaxException("invalid base64");
        }
    }
}
