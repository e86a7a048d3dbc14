package dev.yubin.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * The fixed-base verifier agrees with Bouncy Castle's Ed25519 on RFC 8032 test vectors, on
 * random valid signatures, and on every corruption of them (bit flips in R, S, the message and
 * the key; S at or above L).
 */
class Ed25519FixedBaseTest {

    @Test
    void rfc8032TestVectors() {
        // RFC 8032 §7.1 TEST 1 (empty message) and TEST 2 (one octet)
        check("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        check("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    }

    private static void check(String pk, String msg, String sig) {
        HexFormat hex = HexFormat.of();
        Ed25519FixedBase t = Ed25519FixedBase.of(hex.parseHex(pk));
        assertThat(t).isNotNull();
        assertThat(t.verify(hex.parseHex(sig), hex.parseHex(msg))).isTrue();
        byte[] bad = hex.parseHex(sig);
        bad[5] ^= 1;
        assertThat(t.verify(bad, hex.parseHex(msg))).isFalse();
    }

    @Test
    void agreesWithBouncyCastleOnRandomAndCorruptedSignatures() {
        SplittableRandom random = new SplittableRandom(8032);
        for (int round = 0; round < 40; round++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            byte[] pk = new byte[32];
            Ed25519.generatePublicKey(seed, 0, pk, 0);
            Ed25519FixedBase table = Ed25519FixedBase.of(pk);
            byte[] msg = new byte[round % 5 == 0 ? 0 : 32];
            random.nextBytes(msg);
            byte[] sig = new byte[64];
            Ed25519.sign(seed, 0, pk, 0, msg, 0, msg.length, sig, 0);
            assertThat(table.verify(sig, msg)).isTrue();
            for (int trial = 0; trial < 6; trial++) {
                byte[] s2 = sig.clone();
                byte[] m2 = msg.clone();
                int which = random.nextInt(3);
                if (which == 0 || m2.length == 0) {
                    s2[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
                } else {
                    m2[random.nextInt(m2.length)] ^= (byte) (1 << random.nextInt(8));
                }
                assertThat(table.verify(s2, m2)).isEqualTo(Ed25519.verify(s2, 0, pk, 0, m2, 0, m2.length));
            }
            byte[] otherPk = pk.clone();
            otherPk[random.nextInt(31)] ^= 1;
            Ed25519FixedBase other = Ed25519FixedBase.of(otherPk);
            boolean bc = Ed25519.validatePublicKeyPartial(otherPk, 0) && Ed25519.verify(sig, 0, otherPk, 0, msg, 0, msg.length);
            assertThat(other != null && other.verify(sig, msg)).isEqualTo(bc);
        }
    }

    @Test
    void sAtOrAboveTheGroupOrderIsRefused() {
        byte[] seed = new byte[32];
        byte[] pk = new byte[32];
        Ed25519.generatePublicKey(seed, 0, pk, 0);
        byte[] msg = {1, 2, 3};
        byte[] sig = new byte[64];
        Ed25519.sign(seed, 0, pk, 0, msg, 0, msg.length, sig, 0);
        // S + L encodes the same scalar mod L: RFC 8032 §5.1.7 says reject (malleability)
        java.math.BigInteger l = java.math.BigInteger.ONE.shiftLeft(252)
                .add(new java.math.BigInteger("27742317777372353535851937790883648493"));
        byte[] sLe = java.util.Arrays.copyOfRange(sig, 32, 64);
        byte[] be = new byte[33];
        for (int i = 0; i < 32; i++) {
            be[32 - i] = sLe[i];
        }
        byte[] plus = new java.math.BigInteger(be).add(l).toByteArray();
        byte[] sig2 = sig.clone();
        for (int i = 0; i < 32; i++) {
            sig2[32 + i] = i < plus.length ? plus[plus.length - 1 - i] : 0;
        }
        assertThat(Ed25519FixedBase.of(pk).verify(sig2, msg)).isFalse();
        assertThat(Ed25519FixedBase.of(pk).verify(sig, msg)).isTrue();
    }
}
