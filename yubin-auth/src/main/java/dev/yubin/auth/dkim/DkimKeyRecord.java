package dev.yubin.auth.dkim;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A DKIM key record from DNS (RFC 6376 §3.6.1): key type, allowed hashes, service types, flags,
 * and the public key, absent when p= is empty (revoked, RFC 6376 §3.6.1).
 */
public record DkimKeyRecord(String keyType, List<String> hashes, List<String> services, boolean testing,
                            boolean strictIdentity, Optional<PublicKey> publicKey) {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw 32 octets follow. */
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    public DkimKeyRecord {
        hashes = List.copyOf(hashes);
        services = List.copyOf(services);
    }

    public static DkimKeyRecord parse(String txt) throws DkimSyntaxException {
        Map<String, String> t = TagList.parse(txt);
        if (t.containsKey("v")) {
            if (!t.keySet().iterator().next().equals("v") || !t.get("v").equals("DKIM1")) {
                throw new DkimSyntaxException("v= must be first and DKIM1"); // RFC 6376 §3.6.1
            }
        }
        String k = t.getOrDefault("k", "rsa").toLowerCase(Locale.ROOT);
        List<String> hashes = list(t.get("h"));
        List<String> services = t.containsKey("s") ? list(t.get("s")) : List.of("*");
        List<String> flags = list(t.get("t"));
        if (!t.containsKey("p")) {
            throw new DkimSyntaxException("key record without p="); // RFC 6376 §3.6.1: p= is required
        }
        String p = TagList.compact(t.get("p"));
        Optional<PublicKey> key = p.isEmpty() ? Optional.empty() : Optional.of(publicKey(k, p));
        return new DkimKeyRecord(k, hashes, services, flags.contains("y"), flags.contains("s"), key);
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(":")).map(s -> TagList.compact(s).toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).toList();
    }

    private static PublicKey publicKey(String keyType, String base64) throws DkimSyntaxException {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new DkimSyntaxException("p= is not base64");
        }
        try {
            return switch (keyType) {
                case "rsa" -> rsa(der);
                case "ed25519" -> {
                    if (der.length != 32) {
                        throw new DkimSyntaxException("ed25519 p= must be 32 octets"); // RFC 8463 §4.2
                    }
                    byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
                    System.arraycopy(der, 0, spki, ED25519_SPKI_PREFIX.length, 32);
                    yield KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
                }
                default -> throw new DkimSyntaxException("unknown key type k=" + keyType);
            };
        } catch (java.security.GeneralSecurityException e) {
            throw new DkimSyntaxException("unusable public key: " + e.getMessage());
        }
    }

    /** SubjectPublicKeyInfo as RFC 6376 says, or a bare PKCS#1 RSAPublicKey as some publish. */
    private static PublicKey rsa(byte[] der) throws java.security.GeneralSecurityException {
        KeyFactory kf = KeyFactory.getInstance("RSA");
        try {
            return kf.generatePublic(new X509EncodedKeySpec(der));
        } catch (java.security.spec.InvalidKeySpecException e) {
            try {
                var pkcs1 = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(der);
                return kf.generatePublic(new RSAPublicKeySpec(pkcs1.getModulus(), pkcs1.getPublicExponent()));
            } catch (RuntimeException notPkcs1) {
                throw e;
            }
        }
    }

    /** Bits of an RSA modulus, 256 for Ed25519, 0 when revoked. */
    public int keyBits() {
        return publicKey.map(k -> k instanceof RSAPublicKey r ? r.getModulus().bitLength() : 256).orElse(0);
    }

    /** The raw public key bytes for p=: SPKI DER for RSA, the 32 octets for Ed25519. */
    public static String publicKeyTag(PublicKey key) {
        byte[] der = key.getEncoded();
        if (key.getAlgorithm().equals("RSA")) {
            return Base64.getEncoder().encodeToString(der);
        }
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
    }

}
