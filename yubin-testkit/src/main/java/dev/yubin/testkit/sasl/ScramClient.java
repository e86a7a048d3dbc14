package dev.yubin.testkit.sasl;

import dev.yubin.store.Passwords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The client side of SCRAM-SHA-256 (RFC 5802 §3, RFC 7677), written from the RFC for tests of every
 * protocol that offers it (SMTP AUTH, IMAP AUTHENTICATE, POP3 AUTH, the SASL mechanism itself).
 */
public final class ScramClient {
    private final String gs2;
    private final String clientFirstBare;
    private final String password;
    private String expectedServerSignature;

    /**
     * @param gs2 the GS2 header, {@code "n,,"} without channel binding
     * @param clientNonce the client nonce (fixed in tests for reproducible exchanges)
     */
    public ScramClient(String gs2, String user, String password, String clientNonce) {
        this.gs2 = gs2;
        this.clientFirstBare = "n=" + user.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
        this.password = password;
    }

    /** The client-first message (GS2 header + client-first-bare). */
    public byte[] first() {
        return (gs2 + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    /** The client-final message with its proof, computed from the server-first message. */
    public byte[] finalMessage(byte[] serverFirstBytes) throws Exception {
        String serverFirst = new String(serverFirstBytes, StandardCharsets.UTF_8);
        String nonce = null;
        byte[] salt = null;
        int iterations = 0;
        for (String a : serverFirst.split(",")) {
            switch (a.charAt(0)) {
                case 'r' -> nonce = a.substring(2);
                case 's' -> salt = Base64.getDecoder().decode(a.substring(2));
                case 'i' -> iterations = Integer.parseInt(a.substring(2));
                default -> { }
            }
        }
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(gs2.getBytes(StandardCharsets.UTF_8))
                + ",r=" + nonce;
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        byte[] clientKey = Passwords.hmac(salted, "Client Key");
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
        byte[] clientSig = Passwords.hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSig[i]);
        }
        byte[] serverKey = Passwords.hmac(salted, "Server Key");
        expectedServerSignature = "v=" + Base64.getEncoder().encodeToString(Passwords.hmac(serverKey, authMessage));
        return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code v=} server-final message the server must send (valid after {@link #finalMessage}). */
    public String expectedServerSignature() {
        return expectedServerSignature;
    }
}
