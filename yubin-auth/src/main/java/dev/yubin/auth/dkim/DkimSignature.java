package dev.yubin.auth.dkim;

import dev.yubin.auth.HeaderField;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A parsed DKIM-Signature header field (RFC 6376 §3.5). Parsing checks the MUSTs that need no
 * DNS: required tags, v=1, h= containing From, i= within d=, x= not before t=.
 *
 * @param algorithm a=
 * @param domain d= (SDID), lower case
 * @param selector s=
 * @param identity i= (AUID), default "@" + d
 * @param signedHeaders h= names, lower case, in order
 * @param bodyHash bh= decoded
 * @param signature b= decoded
 * @param bodyLength l=, if present
 * @param timestamp t=, if present
 * @param expiration x=, if present
 */
public record DkimSignature(DkimAlgorithm algorithm, String domain, String selector, String identity,
                            Canonicalization headerCanonicalization, Canonicalization bodyCanonicalization,
                            List<String> signedHeaders, byte[] bodyHash, byte[] signature, OptionalLong bodyLength,
                            OptionalLong timestamp, OptionalLong expiration, String bBase64, HeaderField field) {

    public DkimSignature {
        signedHeaders = List.copyOf(signedHeaders);
        bodyHash = bodyHash.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] bodyHash() {
        return bodyHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public static DkimSignature parse(HeaderField field) throws DkimSyntaxException {
        Map<String, String> t = TagList.parse(field.rawValue());
        for (String required : List.of("v", "a", "b", "bh", "d", "h", "s")) {
            if (!t.containsKey(required)) {
                throw new DkimSyntaxException("missing tag " + required + "="); // RFC 6376 §3.5
            }
        }
        if (!t.get("v").equals("1")) {
            throw new DkimSyntaxException("unsupported version v=" + t.get("v")); // RFC 6376 §6.1.1
        }
        DkimAlgorithm alg = DkimAlgorithm.fromTag(t.get("a"))
                .orElseThrow(() -> new DkimSyntaxException("unknown algorithm a=" + t.get("a")));
        String domain = t.get("d").toLowerCase(Locale.ROOT);
        if (domain.isEmpty() || t.get("s").isEmpty()) {
            throw new DkimSyntaxException("empty d= or s=");
        }
        String identity = t.getOrDefault("i", "@" + domain);
        int at = identity.lastIndexOf('@');
        if (at < 0) {
            throw new DkimSyntaxException("i= without '@'");
        }
        String idDomain = identity.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!(idDomain.equals(domain) || idDomain.endsWith("." + domain))) {
            throw new DkimSyntaxException("i= not within d="); // RFC 6376 §6.1.1
        }
        List<String> headers = Arrays.stream(t.get("h").split(":"))
                .map(h -> TagList.compact(h).toLowerCase(Locale.ROOT)).toList();
        if (!headers.contains("from")) {
            throw new DkimSyntaxException("h= does not include From"); // RFC 6376 §6.1.1
        }
        Canonicalization hc = Canonicalization.SIMPLE;
        Canonicalization bc = Canonicalization.SIMPLE;
        if (t.containsKey("c")) {
            String[] c = t.get("c").split("/", -1);
            if (c.length > 2) {
                throw new DkimSyntaxException("invalid c=");
            }
            hc = Canonicalization.fromTag(c[0].strip());
            bc = c.length == 2 ? Canonicalization.fromTag(c[1].strip()) : Canonicalization.SIMPLE;
        }
        if (t.containsKey("q") && !TagList.compact(t.get("q")).toLowerCase(Locale.ROOT).contains("dns/txt")) {
            throw new DkimSyntaxException("unsupported query method q=" + t.get("q"));
        }
        OptionalLong l = number(t, "l");
        OptionalLong ts = number(t, "t");
        OptionalLong x = number(t, "x");
        if (ts.isPresent() && x.isPresent() && x.getAsLong() < ts.getAsLong()) {
            throw new DkimSyntaxException("x= before t="); // RFC 6376 §3.5
        }
        String b = TagList.compact(t.get("b"));
        byte[] sig;
        byte[] bh;
        try {
            sig = Base64.getDecoder().decode(b);
            bh = Base64.getDecoder().decode(TagList.compact(t.get("bh")));
        } catch (IllegalArgumentException e) {
            throw new DkimSyntaxException("invalid base64 in b= or bh=");
        }
        if (sig.length == 0) {
            throw new DkimSyntaxException("empty b=");
        }
        return new DkimSignature(alg, domain, t.get("s").toLowerCase(Locale.ROOT), identity, hc, bc, headers, bh,
                sig, l, ts, x, b, field);
    }

    private static OptionalLong number(Map<String, String> t, String tag) throws DkimSyntaxException {
        String v = t.get(tag);
        if (v == null) {
            return OptionalLong.empty();
        }
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DkimSyntaxException("invalid " + tag + "=");
        }
        return OptionalLong.of(Long.parseLong(v));
    }

    /** The DNS name of the key: {@code selector._domainkey.domain} (RFC 6376 §3.6.2.1). */
    public String keyName() {
        return selector + "._domainkey." + domain;
    }

    /** The domain part of i=. */
    public String identityDomain() {
        return identity.substring(identity.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DkimSignature s && s.field.equals(field);
    }

    @Override
    public int hashCode() {
        return field.hashCode();
    }

    @Override
    public String toString() {
        return "DkimSignature[d=" + domain + " s=" + selector + " a=" + algorithm.tag() + "]";
    }
}
