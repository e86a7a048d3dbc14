package dev.yubin.net.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.core.EmailAddress;
import dev.yubin.store.Passwords;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
    private final MemoryDirectory dir = new MemoryDirectory();
    private final LoginThrottleTest.ManualClock clock = new LoginThrottleTest.ManualClock();
    private final Authenticator auth = new Authenticator(dir,
            new AuthenticatorSettings(Duration.ofMinutes(1), 100, 2), clock);
    private final EmailAddress alice = EmailAddress.parse("alice@example.com");

    AuthenticatorTest() {
        dir.addUser(alice, Passwords.create("secret"));
    }

    @Test
    void rightPasswordAuthenticatesCaseInsensitiveAddress() {
        LoginResult r = auth.login("Alice@EXAMPLE.com", "secret");
        assertThat(r).isInstanceOf(LoginResult.Authenticated.class);
        assertThat(((LoginResult.Authenticated) r).user().address()).isEqualTo(alice);
    }

    @Test
    void wrongPasswordUnknownUserAndGarbageAreRejected() {
        assertThat(auth.login("alice@example.com", "wrong")).isInstanceOf(LoginResult.Rejected.class);
        assertThat(auth.login("bob@example.com", "secret")).isInstanceOf(LoginResult.Rejected.class);
        assertThat(auth.login("not an address", "secret")).isInstanceOf(LoginResult.Rejected.class);
        assertThat(auth.hashCount()).isEqualTo(3); // unknown users cost a hash too
    }

    @Test
    void repeatedSuccessfulLoginsSkipArgon2UntilTheTtlEnds() {
        for (int i = 0; i < 20; i++) {
            assertThat(auth.login("alice@example.com", "secret")).isInstanceOf(LoginResult.Authenticated.class);
        }
        assertThat(auth.hashCount()).isEqualTo(1);
        assertThat(auth.login("alice@example.com", "secret2")).isInstanceOf(LoginResult.Rejected.class);
        assertThat(auth.hashCount()).isEqualTo(2); // a different password is never a cache hit
        clock.advance(Duration.ofMinutes(2));
        assertThat(auth.login("alice@example.com", "secret")).isInstanceOf(LoginResult.Authenticated.class);
        assertThat(auth.hashCount()).isEqualTo(3);
    }

    @Test
    void passwordChangeInvalidatesTheCacheAtOnce() {
        assertThat(auth.login("alice@example.com", "secret")).isInstanceOf(LoginResult.Authenticated.class);
        dir.setCredentials(alice, Passwords.create("new"));
        assertThat(auth.login("alice@example.com", "secret")).isInstanceOf(LoginResult.Rejected.class);
        assertThat(auth.login("alice@example.com", "new")).isInstanceOf(LoginResult.Authenticated.class);
    }

    @Test
    void removedUserIsRejectedEvenWhenCached() {
        assertThat(auth.login("alice@example.com", "secret")).isInstanceOf(LoginResult.Authenticated.class);
        dir.removeUser(alice);
        assertThat(auth.login("alice@example.com", "secret")).isInstanceOf(LoginResult.Rejected.class);
    }

    @Test
    void scramAccountIsFoundForKnownUsersOnly() {
        assertThat(auth.scramAccount("ALICE@example.com")).isPresent();
        assertThat(auth.scramAccount("nobody@example.com")).isEmpty();
        assertThat(auth.scramAccount("garbage")).isEmpty();
    }
}
