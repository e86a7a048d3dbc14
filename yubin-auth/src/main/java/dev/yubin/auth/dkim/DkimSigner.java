package dev.yubin.auth.dkim;

import dev.yubin.auth.HeaderField;
import dev.yubin.auth.RawMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * DKIM signing (RFC 6376 §5) with relaxed/relaxed canonicalisation, one signature per key (so an
 * Ed25519 and an RSA signature when both keys exist, RFC 8463 §1). The usual header set is
 * signed; From and the other fields in {@link #OVERSIGNED} are signed once more than they occur,
 * so no instance can be added later without breaking the signature (RFC 6376 §8.15).
 * Signing must be the last change to a message. Thread-safe.
 */
public final class DkimSigner {

    /** Fields signed when present, in this order. */
    public static final List<String> SIGNED = List.of("from", "reply-to", "subject", "date", "to", "cc",
            "message-id", "in-reply-to", "references", "mime-version", "content-type",
            "content-transfer-encoding", "list-id", "list-unsubscribe", "list-unsubscribe-post", "sender");

    /** Fields signed one extra time (also when absent), to forbid adding an instance. */
    public static final Set<String> OVERSIGNED = Set.of("from", "reply-to", "subject", "date", "to", "cc",
            "message-id", "mime-version", "content-type", "content-transfer-encoding");

    private final List<DkimSigningKey> keys;
    private final Clock clock;

    public DkimSigner(List<DkimSigningKey> keys, Clock clock) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key");
        }
        this.keys = List.copyOf(keys);
        this.clock = clock;
    }

    /** The signing keys (e.g. to pick one for an ARC seal). */
    public List<DkimSigningKey> keys() {
        return keys;
    }

    /**
     * The DKIM-Signature fields to prepend to {@code message}, Ed25519 first, each ending in CRLF.
     */
    public String sign(byte[] message) {
        RawMessage raw = RawMessage.parse(message);
        byte[] body = Canonicalization.RELAXED.body(raw.body());
        String bh = Base64.getEncoder().encodeToString(DkimCrypto.sha256(body, body.length));
        java.util.Map<String, Integer> present = new java.util.HashMap<>();
        for (HeaderField h : raw.headers()) {
            present.merge(h.lowerName(), 1, Integer::sum);
        }
        List<String> names = new ArrayList<>();
        for (String name : SIGNED) {
            long count = present.getOrDefault(name, 0);
            if (OVERSIGNED.contains(name)) {
                count++;
            }
            for (long i = 0; i < count; i++) {
                names.add(name);
            }
        }
        long now = clock.instant().getEpochSecond();
        StringBuilder out = new StringBuilder();
        List<DkimSigningKey> ordered = new ArrayList<>(keys);
        ordered.sort(java.util.Comparator.comparing(k -> k.algorithm() != DkimAlgorithm.ED25519_SHA256));
        for (DkimSigningKey key : ordered) {
            out.append(signOne(raw, key, names, bh, now));
        }
        return out.toString();
    }

    private static String signOne(RawMessage raw, DkimSigningKey key, List<String> names, String bh, long now) {
        String unsigned = "DKIM-Signature: v=1; a=" + key.algorithm().tag() + "; c=relaxed/relaxed;\r\n"
                + "\td=" + key.domain() + "; s=" + key.selector() + "; t=" + now + ";\r\n"
                + "\th=" + foldNames(names) + ";\r\n"
                + "\tbh=" + bh + ";\r\n"
                + "\tb=";
        HeaderField field = new HeaderField("DKIM-Signature", unsigned + "\r\n");
        byte[] data = DkimHeaderHash.signedData(raw.headers(), names, Canonicalization.RELAXED, field);
        byte[] sig = DkimCrypto.sign(key, data);
        return unsigned + fold(Base64.getEncoder().encodeToString(sig)) + "\r\n";
    }

    /** h= folded between names only (RFC 6376 §3.5: FWS is allowed around the colons). */
    private static String foldNames(List<String> names) {
        StringBuilder sb = new StringBuilder();
        int lineLength = 0;
        for (int i = 0; i < names.size(); i++) {
            String part = (i == 0 ? "" : ":") + names.get(i);
            if (lineLength + part.length() > 70) {
                sb.append("\r\n\t ");
                lineLength = 0;
            }
            sb.append(part);
            lineLength += part.length();
        }
        return sb.toString();
    }

    /** Folds a long tag value every 70 characters (whitespace inside b=, bh= and h= is ignored). */
    private static String fold(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i += 70) {
            if (i > 0) {
                sb.append("\r\n\t ");
            }
            sb.append(value, i, Math.min(value.length(), i + 70));
        }
        return sb.toString();
    }
}
