package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.store.Passwords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class AuthCommandTest extends Pop3TestBase {
    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String s) {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }

    @Test
    void plainWithInitialResponse() throws Exception {
        try (Pop3Client c = f.client()) {
            assertThat(c.command("AUTH PLAIN " + b64("\0" + Pop3Fixture.ALICE + "\0" + Pop3Fixture.PASSWORD)))
                    .isEqualTo("+OK Logged in.");
            assertThat(c.command("STAT")).startsWith("+OK");
        }
    }

    @Test
    void plainWithEmptyChallenge() throws Exception {
        try (Pop3Client c = f.client()) {
            assertThat(c.command("AUTH PLAIN")).isEqualTo("+ ");
            assertThat(c.command(b64("\0" + Pop3Fixture.ALICE + "\0wrong"))).isEqualTo("-ERR [AUTH] Authentication failed.");
        }
    }

    @Test
    void login() throws Exception {
        try (Pop3Client c = f.client()) {
            assertThat(unb64(c.command("AUTH LOGIN").substring(2))).isEqualTo("Username:");
            assertThat(unb64(c.command(b64(Pop3Fixture.ALICE)).substring(2))).isEqualTo("Password:");
            assertThat(c.command(b64(Pop3Fixture.PASSWORD))).isEqualTo("+OK Logged in.");
        }
    }

    @Test
    void scramSha256() throws Exception {
        try (Pop3Client c = f.client()) {
            String clientFirstBare = "n=" + Pop3Fixture.ALICE + ",r=clientnonce123";
            String serverFirst = unb64(c.command("AUTH SCRAM-SHA-256 " + b64("n,," + clientFirstBare)).substring(2));
            String nonce = serverFirst.replaceAll("^r=([^,]*),.*", "$1");
            byte[] salt = Base64.getDecoder().decode(serverFirst.replaceAll(".*,s=([^,]*),.*", "$1"));
            int iterations = Integer.parseInt(serverFirst.replaceAll(".*,i=(\\d+)$", "$1"));
            String withoutProof = "c=" + b64("n,,") + ",r=" + nonce;
            String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
                    new PBEKeySpec(Pop3Fixture.PASSWORD.toCharArray(), salt, iterations, 256)).getEncoded();
            byte[] clientKey = Passwords.hmac(salted, "Client Key");
            byte[] sig = Passwords.hmac(MessageDigest.getInstance("SHA-256").digest(clientKey), authMessage);
            byte[] proof = new byte[32];
            for (int i = 0; i < 32; i++) {
                proof[i] = (byte) (clientKey[i] ^ sig[i]);
            }
            String serverFinal = unb64(c.command(b64(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)))
                    .substring(2));
            String expected = "v=" + Base64.getEncoder().encodeToString(
                    Passwords.hmac(Passwords.hmac(salted, "Server Key"), authMessage));
            assertThat(serverFinal).isEqualTo(expected);
            assertThat(c.command("")).isEqualTo("+OK Logged in.");
        }
    }

    @Test
    void cancelUnknownMechanismAndBadBase64() throws Exception {
        try (Pop3Client c = f.client()) {
            c.command("AUTH LOGIN");
            assertThat(c.command("*")).isEqualTo("-ERR Authentication cancelled.");
            assertThat(c.command("AUTH CRAM-MD5")).isEqualTo("-ERR Unsupported authentication mechanism.");
            assertThat(c.command("AUTH PLAIN !!!")).isEqualTo("-ERR Invalid SASL message.");
            assertThat(c.command("AUTH PLAIN =")).isEqualTo("-ERR Invalid SASL message.");
            assertThat(c.command("AUTH")).isEqualTo("+OK");
            assertThat(c.lines()).containsExactly("SCRAM-SHA-256", "PLAIN", "LOGIN");
            assertThat(c.command("USER " + Pop3Fixture.ALICE)).startsWith("+OK"); // still in AUTHORIZATION
        }
    }
}
