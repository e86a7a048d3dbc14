package dev.yubin.auth.dkim;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Ed25519 verification (RFC 8032 §5.1.7) with fixed-base tables for both points of the check
 * {@code [S]B = R + [k]A}: the base point B and a public key A that verifies many messages (a DKIM
 * key signs a domain's whole mail). Each table holds 1..2^(w-1) times 2^(w i) times the point, as
 * affine (y+x, y-x, 2dxy), so a verification is about 32 + 43 mixed additions with signed
 * radix-2^w digits (w = 8 for B, 6 for keys) and no doublings: about twice as fast as a
 * double-scalar multiplication from scratch.
 * Variable-time, which is fine for verification (no secret involved). Field arithmetic is Bouncy
 * Castle's RFC 7748 code. The result is compared by encoding (as ref10 does): a non-canonical
 * R never matches. Thread-safe (tables are immutable once built).
 */
final class Ed25519FixedBase {

    /** Window widths: 8 bits for B (one table of about 490 KB), 6 bits for keys (about 165 KB each). */
    private static final int BASE_WINDOW = 8;
    private static final int KEY_WINDOW = 6;
    private static final int POINT_INTS = 3 * X25519Field.SIZE;
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger L = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final int[] D = field(BigInteger.valueOf(-121665).mod(P).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P));
    private static final int[] D2 = field(BigInteger.valueOf(-121665).mod(P).multiply(BigInteger.valueOf(121666).modInverse(P))
            .multiply(BigInteger.TWO).mod(P));
    private static final byte[] BASE_ENCODED = base();
    private static final Ed25519FixedBase BASE = of(BASE_ENCODED, BASE_WINDOW);

    /** The public key as encoded, its table and the table's window width. */
    private final byte[] encoded;
    private final int[] table;
    private final int window;

    private Ed25519FixedBase(byte[] encoded, int[] table, int window) {
        this.encoded = encoded;
        this.table = table;
        this.window = window;
    }

    /** The table for an encoded public key, or null if it is not a valid point (RFC 8032 §5.1.3). */
    static Ed25519FixedBase of(byte[] publicKey) {
        return of(publicKey, KEY_WINDOW);
    }

    private static Ed25519FixedBase of(byte[] publicKey, int window) {
        int[][] a = decode(publicKey);
        return a == null ? null : new Ed25519FixedBase(publicKey.clone(), build(a[0], a[1], window), window);
    }

    private static int positions(int window) {
        return (256 + window - 1) / window;
    }

    private static int multiples(int window) {
        return 1 << (window - 1);
    }

    /** RFC 8032 §5.1.7 (cofactorless): true if {@code signature} is valid for {@code message}. */
    boolean verify(byte[] signature, byte[] message) {
        if (signature.length != 64) {
            return false;
        }
        BigInteger s = littleEndian(signature, 32, 32);
        if (s.compareTo(L) >= 0) {
            return false; // RFC 8032 §5.1.7 step 1: S must be below L
        }
        MessageDigest sha512 = SHA512.get();
        sha512.reset();
        sha512.update(signature, 0, 32);
        sha512.update(encoded);
        sha512.update(message);
        byte[] h = sha512.digest();
        BigInteger k = littleEndian(h, 0, 64).mod(L);
        int[][] acc = {X25519Field.create(), X25519Field.create(), X25519Field.create(), X25519Field.create()};
        X25519Field.one(acc[1]);
        X25519Field.one(acc[2]);
        int[] sd = digits(s, BASE.window);
        int[] kd = digits(k, window);
        int[][] t = temps();
        for (int i = 0; i < sd.length; i++) {
            if (sd[i] != 0) {
                addNiels(acc, BASE.table, BASE.window, i, sd[i], t);
            }
        }
        for (int i = 0; i < kd.length; i++) {
            if (kd[i] != 0) {
                addNiels(acc, table, window, i, -kd[i], t);
            }
        }
        byte[] r = encode(acc);
        return MessageDigest.isEqual(r, java.util.Arrays.copyOf(signature, 32));
    }

    /** The encoded public key this table is for. */
    byte[] publicKey() {
        return encoded.clone();
    }

    private static final ThreadLocal<MessageDigest> SHA512 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    // ---- points: extended {X, Y, Z, T}; table entries affine Niels (y+x, y-x, 2dxy)

    private static int[][] temps() {
        int[][] t = new int[10][];
        for (int i = 0; i < t.length; i++) {
            t[i] = X25519Field.create();
        }
        return t;
    }

    /** acc += digit * (2^(w i) P) from the table (negative digit: minus): a mixed addition (7M). */
    private static void addNiels(int[][] acc, int[] table, int window, int i, int digit, int[][] t) {
        int off = (i * multiples(window) + Math.abs(digit) - 1) * POINT_INTS;
        System.arraycopy(table, off, digit > 0 ? t[4] : t[5], 0, X25519Field.SIZE);
        System.arraycopy(table, off + X25519Field.SIZE, digit > 0 ? t[5] : t[4], 0, X25519Field.SIZE);
        System.arraycopy(table, off + 2 * X25519Field.SIZE, t[6], 0, X25519Field.SIZE);
        if (digit < 0) {
            X25519Field.negate(t[6], t[6]); // -(x, y) = (-x, y): y+x and y-x swap, xy changes sign
        }
        add(acc, t[4], t[5], t[6], null, acc, t);
    }

    /** p + q, both extended. */
    private static int[][] addExtended(int[][] p, int[][] q) {
        int[][] t = temps();
        X25519Field.add(q[1], q[0], t[4]);
        X25519Field.carry(t[4]);
        X25519Field.sub(q[1], q[0], t[5]);
        X25519Field.carry(t[5]);
        X25519Field.mul(q[3], D2, t[6]);
        int[][] r = {X25519Field.create(), X25519Field.create(), X25519Field.create(), X25519Field.create()};
        add(p, t[4], t[5], t[6], q[2], r, t);
        return r;
    }

    /**
     * r = p + q with q as (Y+X, Y-X, 2dT) and Z ({@code z2}, null when 1): the unified formula
     * add-2008-hwcd-3, complete on Ed25519 (so it also doubles). r may be p; uses t[0..3], t[7..9].
     */
    private static void add(int[][] p, int[] ypx, int[] ymx, int[] t2d, int[] z2, int[][] r, int[][] t) {
        int[] a = t[0];
        int[] b = t[1];
        int[] c = t[2];
        int[] d = t[3];
        X25519Field.sub(p[1], p[0], a);
        X25519Field.carry(a);
        X25519Field.mul(a, ymx, a);
        X25519Field.add(p[1], p[0], b);
        X25519Field.carry(b);
        X25519Field.mul(b, ypx, b);
        X25519Field.mul(p[3], t2d, c);
        if (z2 == null) {
            X25519Field.add(p[2], p[2], d);
        } else {
            X25519Field.mul(p[2], z2, d);
            X25519Field.add(d, d, d);
        }
        X25519Field.carry(d);
        int[] e = t[7];
        int[] h = t[8];
        int[] f = t[9];
        X25519Field.sub(b, a, e);
        X25519Field.carry(e);
        X25519Field.add(b, a, h);
        X25519Field.carry(h);
        X25519Field.sub(d, c, f);
        X25519Field.carry(f);
        int[] g = a;
        X25519Field.add(d, c, g);
        X25519Field.carry(g);
        X25519Field.mul(e, f, r[0]);
        X25519Field.mul(g, h, r[1]);
        X25519Field.mul(f, g, r[2]);
        X25519Field.mul(e, h, r[3]);
    }

    /** The table of 1..2^(w-1) times 2^(w i) times (x, y), affine Niels, with one batched inversion. */
    private static int[] build(int[] x, int[] y, int window) {
        int positions = positions(window);
        int multiples = multiples(window);
        int[][][] points = new int[positions * multiples][][];
        int[][] cur = {x.clone(), y.clone(), X25519Field.create(), X25519Field.create()};
        X25519Field.one(cur[2]);
        X25519Field.mul(x, y, cur[3]);
        for (int i = 0; i < positions; i++) {
            points[i * multiples] = cur;
            for (int m = 1; m < multiples; m++) {
                points[i * multiples + m] = addExtended(points[i * multiples + m - 1], cur);
            }
            int[][] half = points[i * multiples + multiples - 1];
            cur = addExtended(half, half); // 2^w * 2^(w i) P
        }
        // Montgomery's trick: one inversion for every Z
        int n = points.length;
        int[][] prefix = new int[n][];
        int[] run = X25519Field.create();
        X25519Field.one(run);
        for (int i = 0; i < n; i++) {
            X25519Field.mul(run, points[i][2], run);
            prefix[i] = run.clone();
        }
        int[] inv = X25519Field.create();
        X25519Field.inv(run, inv);
        int[] table = new int[n * POINT_INTS];
        int[] zinv = X25519Field.create();
        int[] ax = X25519Field.create();
        int[] ay = X25519Field.create();
        int[] tmp = X25519Field.create();
        for (int i = n - 1; i >= 0; i--) {
            if (i > 0) {
                X25519Field.mul(inv, prefix[i - 1], zinv);
                X25519Field.mul(inv, points[i][2], inv);
            } else {
                X25519Field.copy(inv, 0, zinv, 0);
            }
            X25519Field.mul(points[i][0], zinv, ax);
            X25519Field.mul(points[i][1], zinv, ay);
            int off = i * POINT_INTS;
            X25519Field.add(ay, ax, tmp);
            X25519Field.carry(tmp);
            System.arraycopy(tmp, 0, table, off, X25519Field.SIZE);
            X25519Field.sub(ay, ax, tmp);
            X25519Field.carry(tmp);
            System.arraycopy(tmp, 0, table, off + X25519Field.SIZE, X25519Field.SIZE);
            X25519Field.mul(ax, ay, tmp);
            X25519Field.mul(tmp, D2, tmp);
            System.arraycopy(tmp, 0, table, off + 2 * X25519Field.SIZE, X25519Field.SIZE);
        }
        return table;
    }

    /** RFC 8032 §5.1.3 point decoding: {x, y}, or null when the encoding is not a point. */
    private static int[][] decode(byte[] encoded) {
        if (encoded.length != 32) {
            return null;
        }
        byte[] b = encoded.clone();
        int sign = (b[31] & 0x80) >>> 7;
        b[31] &= 0x7f;
        if (littleEndian(b, 0, 32).compareTo(P) >= 0) {
            return null; // non-canonical y
        }
        int[] y = X25519Field.create();
        X25519Field.decode(b, 0, y);
        int[] u = X25519Field.create();
        int[] v = X25519Field.create();
        X25519Field.sqr(y, u);
        X25519Field.mul(D, u, v);
        X25519Field.subOne(u);
        X25519Field.addOne(v);
        int[] x = X25519Field.create();
        if (!X25519Field.sqrtRatioVar(u, v, x)) {
            return null;
        }
        X25519Field.normalize(x);
        if (sign == 1 && X25519Field.isZeroVar(x)) {
            return null;
        }
        if (sign != (x[0] & 1)) {
            X25519Field.negate(x, x);
            X25519Field.normalize(x);
        }
        return new int[][] {x, y};
    }

    private static byte[] encode(int[][] point) {
        int[] zinv = X25519Field.create();
        X25519Field.invVar(point[2], zinv);
        int[] x = X25519Field.create();
        int[] y = X25519Field.create();
        X25519Field.mul(point[0], zinv, x);
        X25519Field.mul(point[1], zinv, y);
        X25519Field.normalize(x);
        X25519Field.normalize(y);
        byte[] out = new byte[32];
        X25519Field.encode(y, out, 0);
        byte[] xb = new byte[32];
        X25519Field.encode(x, xb, 0);
        out[31] |= (byte) ((xb[0] & 1) << 7);
        return out;
    }

    /** Signed radix-2^w digits in [-2^(w-1), 2^(w-1)] of a scalar below 2^253 (ref10's method, w <= 8). */
    private static int[] digits(BigInteger scalar, int window) {
        byte[] le = new byte[34];
        byte[] be = scalar.toByteArray();
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        int n = positions(window);
        int mask = (1 << window) - 1;
        int[] e = new int[n];
        for (int i = 0; i < n; i++) {
            int bit = i * window;
            int two = (le[bit >> 3] & 0xff) | (le[(bit >> 3) + 1] & 0xff) << 8;
            e[i] = (two >> (bit & 7)) & mask;
        }
        int carry = 0;
        for (int i = 0; i < n - 1; i++) {
            e[i] += carry;
            carry = (e[i] + (1 << (window - 1))) >> window;
            e[i] -= carry << window;
        }
        e[n - 1] += carry;
        return e;
    }

    private static BigInteger littleEndian(byte[] b, int off, int len) {
        byte[] be = new byte[len + 1];
        for (int i = 0; i < len; i++) {
            be[len - i] = b[off + i];
        }
        return new BigInteger(be);
    }

    private static int[] field(BigInteger value) {
        byte[] le = new byte[32];
        byte[] be = value.toByteArray();
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        int[] f = X25519Field.create();
        X25519Field.decode(le, 0, f);
        return f;
    }

    /** B (RFC 8032 §5.1): y = 4/5, x even. */
    private static byte[] base() {
        BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
        byte[] le = new byte[32];
        byte[] be = y.toByteArray();
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }
}
