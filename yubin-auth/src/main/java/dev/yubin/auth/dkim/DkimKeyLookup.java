package dev.yubin.auth.dkim;

import dev.yubin.auth.dkim.DkimResult.Status;
import dev.yubin.dns.DnsResult;
import dev.yubin.dns.Resolver;
import dev.yubin.dns.TxtRecord;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fetches and checks the key of a DKIM or ARC signature (RFC 6376 §6.1.2, RFC 8301 §3.2). */
public final class DkimKeyLookup {

    /** A usable key, or why there is none (TEMPERROR or PERMERROR). */
    public sealed interface Outcome permits Usable, Unusable {
    }

    public record Usable(DkimKeyRecord key) implements Outcome {
    }

    public record Unusable(Status status, String reason, boolean testing) implements Outcome {
    }

    /** Parsed key records by their text: parsing decodes a public key, which costs more than the DNS cache hit. */
    private static final int PARSED_CACHE_SIZE = 1024;
    private static final Map<String, DkimKeyRecord> PARSED = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, DkimKeyRecord> eldest) {
                    return size() > PARSED_CACHE_SIZE;
                }
            });

    private DkimKeyLookup() {
    }

    /** The key at {@code selector._domainkey.domain}, checked against the signature's algorithm. */
    public static Outcome fetch(Resolver resolver, String keyName, DkimAlgorithm alg, int minRsaBits) {
        DnsResult<TxtRecord> txt = resolver.txt(keyName);
        if (txt instanceof DnsResult.TempFailure<TxtRecord> t) {
            return new Unusable(Status.TEMPERROR, "key lookup failed: " + t.reason(), false); // RFC 6376 §6.1.2
        }
        if (txt.values().isEmpty()) {
            return new Unusable(Status.PERMERROR, "no key at " + keyName, false); // RFC 6376 §6.1.2
        }
        String text = txt.values().get(0).text();
        DkimKeyRecord key = PARSED.get(text);
        if (key == null) {
            try {
                key = DkimKeyRecord.parse(text);
            } catch (DkimSyntaxException e) {
                return new Unusable(Status.PERMERROR, "bad key record: " + e.getMessage(), false);
            }
            PARSED.put(text, key);
        }
        boolean testing = key.testing();
        if (key.publicKey().isEmpty()) {
            return new Unusable(Status.PERMERROR, "key revoked", testing); // RFC 6376 §3.6.1 empty p=
        }
        if (!key.keyType().equals(alg.keyType())) {
            return new Unusable(Status.PERMERROR, "key type " + key.keyType() + " does not match a=", testing);
        }
        if (!key.hashes().isEmpty() && !key.hashes().contains("sha256")) {
            return new Unusable(Status.PERMERROR, "key does not allow sha256", testing); // RFC 6376 §3.6.1 h=
        }
        if (!key.services().contains("*") && !key.services().contains("email")) {
            return new Unusable(Status.PERMERROR, "key not for email", testing); // RFC 6376 §3.6.1 s=
        }
        if (alg != DkimAlgorithm.ED25519_SHA256 && key.keyBits() < minRsaBits) {
            return new Unusable(Status.PERMERROR, "RSA key of " + key.keyBits() + " bits is too short (RFC 8301)", testing);
        }
        return new Usable(key);
    }
}
