package dev.yubin.net.sasl;

import dev.yubin.net.auth.Authenticator;
import dev.yubin.net.auth.ScramAccount;
import dev.yubin.store.Passwords;
import dev.yubin.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * SASL SCRAM-SHA-256 (RFC 7677, RFC 5802) without channel binding: only {@code SCRAM-SHA-256}
 * is advertised (never {@code -PLUS}), so the GS2 header must be {@code n,,} or {@code y,,}
 * (with an optional {@code a=} naming the user itself). The server checks the client's proof
 * against the stored StoredKey/ServerKey, never seeing the password.
 *
 * <p>An unknown user gets a plausible salt (derived from the name with a per-process secret)
 * and the exchange fails only at the proof, so user names cannot be probed (RFC 5802 §9).
 */
final class ScramSha256Mechanism implements SaslMechanism {
    private static final int NONCE_BYTES = 18;
    private static final int FAKE_ITERATIONS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private enum State { FIRST, FINAL, DONE }

    private final Function<String, Optional<ScramAccount>> accounts;
    private final byte[] fakeSaltKey;
    private final Supplier<String> serverNonce;
    private State state = State.FIRST;
    private String username = "";
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private ScramAccount account; // null for an unknown user

    ScramSha256Mechanism(Authenticator authenticator, byte[] fakeSaltKey) {
        this(authenticator::scramAccount, fakeSaltKey, ScramSha256Mechanism::randomNonce);
    }

    /** With the account lookup and server nonce given (the RFC 7677 test vector fixes both). */
    ScramSha256Mechanism(Function<String, Optional<ScramAccount>> accounts, byte[] fakeSaltKey,
                         Supplier<String> serverNonce) {
        this.accounts = accounts;
        this.fakeSaltKey = fakeSaltKey;
        this.serverNonce = serverNonce;
    }

    private static String randomNonce() {
        byte[] sn = new byte[NONCE_BYTES];
        RANDOM.nextBytes(sn);
        return B64.encodeToString(sn);
    }

    @Override
    public String name() {
        return SaslMechanisms.SCRAM_SHA_256;
    }

    @Override
    public SaslStep start(Optional<byte[]> initialResponse) {
        if (initialResponse.isEmpty() || initialResponse.get().length == 0) {
            return new SaslStep.Challenge(new byte[0]); // the client speaks first (RFC 5802 §5)
        }
        return next(initialResponse.get());
    }

    @Override
    public SaslStep next(byte[] response) {
        return switch (state) {
            case FIRST -> clientFirst(response);
            case FINAL -> clientFinal(response);
            case DONE -> throw new IllegalStateException("SCRAM exchange already ended");
        };
    }

    private SaslStep clientFirst(byte[] bytes) {
        state = State.DONE;
        Optional<String> text = SaslText.utf8(bytes);
        if (text.isEmpty()) {
            return malformed("client-first-message is not UTF-8");
        }
        String m = text.get();
        // RFC 5802 §7: gs2-header = gs2-cbind-flag "," [ authzid ] ","
        if (m.startsWith("p=")) {
            return malformed("channel binding requested but not offered"); // RFC 5802 §6: we offer no -PLUS
        }
        if (!m.startsWith("n,") && !m.startsWith("y,")) {
            return malformed("bad gs2-cbind-flag");
        }
        int second = m.indexOf(',', 2);
        if (second < 0) {
            return malformed("gs2 header not terminated");
        }
        String authzPart = m.substring(2, second);
        gs2Header = m.substring(0, second + 1);
        clientFirstBare = m.substring(second + 1);
        String[] attrs = clientFirstBare.split(",", -1);
        if (attrs.length < 2 || !attrs[0].startsWith("n=") || !attrs[1].startsWith("r=")) {
            return malformed("client-first-message-bare must start n=…,r=…");
        }
        // RFC 5802 §5.1: "m" is reserved; a server that does not support it MUST fail
        if (clientFirstBare.startsWith("m=")) {
            return malformed("mandatory extension not supported");
        }
        Optional<String> user = decodeSaslName(attrs[0].substring(2));
        String clientNonce = attrs[1].substring(2);
        if (user.isEmpty() || user.get().isEmpty() || clientNonce.isEmpty() || !printable(clientNonce)) {
            return malformed("bad user name or nonce");
        }
        username = user.get();
        if (!authzPart.isEmpty()) {
            Optional<String> authzid = authzPart.startsWith("a=") ? decodeSaslName(authzPart.substring(2))
                    : Optional.empty();
            if (authzid.isEmpty()) {
                return malformed("bad authzid");
            }
            if (!PlainMechanism.sameUser(authzid.get(), username)) {
                return new SaslStep.Failure(SaslStep.Reason.AUTHORIZATION_FAILED, username,
                        "may not act as " + authzid.get());
            }
        }
        byte[] salt;
        int iterations;
        try {
            account = accounts.apply(username).orElse(null);
        } catch (StoreException e) {
            return new SaslStep.Failure(SaslStep.Reason.UNAVAILABLE, username, String.valueOf(e.getMessage()));
        }
        if (account != null) {
            salt = account.credential().salt();
            iterations = account.credential().iterations();
        } else {
            salt = Arrays.copyOf(Passwords.hmac(fakeSaltKey, username.toLowerCase(java.util.Locale.ROOT)), 16);
            iterations = FAKE_ITERATIONS;
        }
        nonce = clientNonce + serverNonce.get();
        serverFirst = "r=" + nonce + ",s=" + B64.encodeToString(salt) + ",i=" + iterations;
        state = State.FINAL;
        return new SaslStep.Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private SaslStep clientFinal(byte[] bytes) {
        state = State.DONE;
        Optional<String> text = SaslText.utf8(bytes);
        if (text.isEmpty()) {
            return malformed("client-final-message is not UTF-8");
        }
        String m = text.get();
        int p = m.lastIndexOf(",p=");
        if (p < 0) {
            return malformed("no proof");
        }
        String withoutProof = m.substring(0, p);
        String[] attrs = withoutProof.split(",", -1);
        if (attrs.length < 2 || !attrs[0].startsWith("c=") || !attrs[1].startsWith("r=")) {
            return malformed("client-final-message must start c=…,r=…");
        }
        // RFC 5802 §5.1: c= is the base64 of the gs2 header (no channel-binding data without -PLUS)
        String expectedC = B64.encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
        if (!attrs[0].substring(2).equals(expectedC)) {
            return malformed("channel binding data does not match the gs2 header");
        }
        if (!attrs[1].substring(2).equals(nonce)) {
            return malformed("nonce mismatch"); // RFC 5802 §5.1: MUST be the same nonce
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(m.substring(p + 3));
        } catch (IllegalArgumentException e) {
            return malformed("proof is not base64");
        }
        if (account == null) {
            return new SaslStep.Failure(SaslStep.Reason.INVALID_CREDENTIALS, username, "unknown user");
        }
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] storedKey = account.credential().storedKey();
        byte[] clientSignature = Passwords.hmac(storedKey, authMessage);
        if (proof.length != clientSignature.length) {
            return new SaslStep.Failure(SaslStep.Reason.INVALID_CREDENTIALS, username, "bad proof length");
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (!MessageDigest.isEqual(sha256(clientKey), storedKey)) {
            return new SaslStep.Failure(SaslStep.Reason.INVALID_CREDENTIALS, username, "wrong password");
        }
        byte[] serverSignature = Passwords.hmac(account.credential().serverKey(), authMessage);
        String serverFinal = "v=" + B64.encodeToString(serverSignature);
        return new SaslStep.Success(account.user(), serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 5802 §5.1: saslname with "=2C" for "," and "=3D" for "="; any other "=" is invalid. */
    static Optional<String> decodeSaslName(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',') {
                return Optional.empty();
            }
            if (c == '=') {
                if (s.startsWith("=2C", i)) {
                    sb.append(',');
                } else if (s.startsWith("=3D", i)) {
                    sb.append('=');
                } else {
                    return Optional.empty();
                }
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return Optional.of(sb.toString());
    }

    private static boolean printable(String nonce) {
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (c < 0x21 || c > 0x7e || c == ',') {
                return false; // RFC 5802 §7: printable = %x21-2B / %x2D-7E
            }
        }
        return true;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SaslStep malformed(String detail) {
        state = State.DONE;
        return new SaslStep.Failure(SaslStep.Reason.MALFORMED, username, detail);
    }
}
