package dev.yubin.imap.server;

import dev.yubin.store.Passwords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** The client side of SCRAM-SHA-256 (RFC 5802 §3), for tests. */
final class ScramClient {
    private final String user;
    private final String password;
    private final String nonce = "rOprNGfwEbeRWgbNEkqO";
    private String clientFirstBare;

    ScramClient(String user, String password) {
        this.user = user;
        this.password = password;
    }

    String first() {
        clientFirstBare = "n=" + user + ",r=" + nonce;
        return "n,," + clientFirstBare;
    }

    String finalMessage(String serverFirst) throws Exception {
        String r = null;
        String salt = null;
        int iterations = 0;
        for (String part : serverFirst.split(",")) {
            switch (part.charAt(0)) {
                case 'r' -> r = part.substring(2);
                case 's' -> salt = part.substring(2);
                case 'i' -> iterations = Integer.parseInt(part.substring(2));
                default -> {
                }
            }
        }
        SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        byte[] salted = f.generateSecret(new PBEKeySpec(password.toCharArray(), Base64.getDecoder().decode(salt),
                iterations, 256)).getEncoded();
        byte[] clientKey = Passwords.hmac(salted, "Client Key");
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
        String withoutProof = "c=biws,r=" + r;
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] signature = Passwords.hmac(storedKey, authMessage.getBytes(StandardCharsets.UTF_8));
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }
}
