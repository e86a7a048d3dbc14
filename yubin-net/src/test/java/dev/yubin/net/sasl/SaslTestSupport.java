package dev.yubin.net.sasl;

import dev.yubin.core.EmailAddress;
import dev.yubin.net.auth.Authenticator;
import dev.yubin.net.auth.AuthenticatorSettings;
import dev.yubin.net.auth.ClientChannel;
import dev.yubin.net.auth.CleartextPolicy;
import dev.yubin.net.auth.MemoryDirectory;
import dev.yubin.store.Passwords;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** A directory with alice@example.com / "pencil" and the mechanisms over it. */
final class SaslTestSupport {
    static final MemoryDirectory DIR = new MemoryDirectory();
    static final Authenticator AUTH = new Authenticator(DIR, new AuthenticatorSettings(Duration.ofMinutes(1), 10, 2),
            Clock.systemUTC());
    static final SaslMechanisms SASL = new SaslMechanisms(AUTH, CleartextPolicy.LOOPBACK_ONLY);
    static final ClientChannel LOCAL = new ClientChannel(InetAddress.getLoopbackAddress(),
            ClientChannel.Security.PLAINTEXT);

    static {
        DIR.addUser(EmailAddress.parse("alice@example.com"), Passwords.create("pencil"));
    }

    private SaslTestSupport() {
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
